using System.Net;
using ContactCenter.Sip.Media;

namespace ContactCenter.Sip.Tests.Media;

public sealed class SymmetricRtpPolicyTests
{
    [Theory]
    [InlineData(SymmetricRtpMode.Auto, "127.0.0.99", "127.0.0.1", true)]   // SDP names another address than the INVITE's source
    [InlineData(SymmetricRtpMode.Auto, "127.0.0.1", "127.0.0.1", false)]   // SDP and source agree: trust the SDP
    [InlineData(SymmetricRtpMode.Auto, "192.168.1.20", "192.168.1.20", true)] // private: a NAT sign even when equal
    [InlineData(SymmetricRtpMode.Auto, "0.0.0.0", "127.0.0.1", true)]
    [InlineData(SymmetricRtpMode.Auto, null, "127.0.0.1", true)]            // late offer: nothing to compare yet
    [InlineData(SymmetricRtpMode.On, "127.0.0.1", "127.0.0.1", true)]
    [InlineData(SymmetricRtpMode.Off, "127.0.0.99", "127.0.0.1", false)]
    public void Latches_ModeAndAddresses_Decides(SymmetricRtpMode mode, string? sdp, string source, bool expected)
    {
        Assert.Equal(expected, SymmetricRtpPolicy.Latches(mode, sdp is null ? null : IPAddress.Parse(sdp), IPAddress.Parse(source)));
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("169.254.1.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::ffff:192.168.0.1", true)]
    public void LooksNatted_Address_Classifies(string address, bool expected)
    {
        Assert.Equal(expected, SymmetricRtpPolicy.LooksNatted(IPAddress.Parse(address)));
    }
}
