using System.Net;
using ContactCenter.Media.Stun;

namespace ContactCenter.Media.Tests.Stun;

public class StunWriterTests
{
    [Fact]
    public void Write_Rfc5769IPv4ResponseInputs_ReproducesVectorBytes()
    {
        var buffer = new byte[256];
        var writer = new StunWriter(buffer, StunMessageType.BindingSuccessResponse, Rfc5769Vectors.TransactionId);
        // RFC 5769 pads SOFTWARE with a space; RFC 5389 allowed any padding value.
        writer.AddAttribute(StunAttributeType.Software, "test vector"u8, (byte)' ');
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853));
        writer.AppendMessageIntegrity(Rfc5769Vectors.Key);
        int length = writer.AppendFingerprint();

        Assert.Equal(Convert.ToHexString(Rfc5769Vectors.IPv4Response), Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void Write_Rfc5769IPv6ResponseInputsFromSocketAddress_ReproducesVectorBytes()
    {
        var mapped = new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853).Serialize();
        var buffer = new byte[256];
        var writer = new StunWriter(buffer, StunMessageType.BindingSuccessResponse, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.Software, "test vector"u8, (byte)' ');
        writer.AddXorMappedAddress(mapped);
        writer.AppendMessageIntegrity(Rfc5769Vectors.Key);
        int length = writer.AppendFingerprint();

        Assert.Equal(Convert.ToHexString(Rfc5769Vectors.IPv6Response), Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void Write_Rfc5769RequestInputs_ReproducesVectorBytes()
    {
        var buffer = new byte[256];
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.Software, "STUN test client"u8);
        writer.AddUInt32(StunAttributeType.Priority, 0x6e0001ff);
        writer.AddUInt64(StunAttributeType.IceControlled, 0x932ff9b151263b36);
        writer.AddAttribute(StunAttributeType.Username, "evtj:h6vY"u8, (byte)' ');
        writer.AppendMessageIntegrity(Rfc5769Vectors.Key);
        int length = writer.AppendFingerprint();

        Assert.Equal(Convert.ToHexString(Rfc5769Vectors.Request), Convert.ToHexString(buffer, 0, length));
    }

    [Theory]
    [InlineData("203.0.113.7", 50000)]
    [InlineData("2001:db8::1", 3478)]
    public void WriteBindingSuccess_SocketAddress_ParsesVerifiesAndMapsBack(string address, int port)
    {
        var endPoint = new IPEndPoint(IPAddress.Parse(address), port);
        var key = "0123456789abcdefghijkl"u8.ToArray();
        var buffer = new byte[128];

        int length = StunWriter.WriteBindingSuccess(buffer, Rfc5769Vectors.TransactionId, endPoint.Serialize(), key);
        var packet = buffer.AsSpan(0, length);

        Assert.True(StunMessage.TryParse(packet, out var message));
        Assert.Equal(StunMessageType.BindingSuccessResponse, message.MessageType);
        Assert.True(message.TransactionId.SequenceEqual(Rfc5769Vectors.TransactionId));
        Assert.True(message.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(endPoint, mapped);
        Assert.True(StunIntegrity.VerifyMessageIntegrity(packet, key));
        Assert.True(StunIntegrity.VerifyFingerprint(packet));
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthorized")]
    public void WriteBindingError_WithoutKey_HasErrorCodeAndFingerprintOnly(int code, string reason)
    {
        var buffer = new byte[128];

        int length = StunWriter.WriteBindingError(buffer, Rfc5769Vectors.TransactionId, code);
        var packet = buffer.AsSpan(0, length);

        Assert.True(StunMessage.TryParse(packet, out var message));
        Assert.Equal(StunMessageType.BindingErrorResponse, message.MessageType);
        Assert.True(message.TryGetErrorCode(out int parsed, out var phrase));
        Assert.Equal(code, parsed);
        Assert.Equal(reason, System.Text.Encoding.UTF8.GetString(phrase));
        Assert.False(message.HasAttribute(StunAttributeType.MessageIntegrity));
        Assert.True(StunIntegrity.VerifyFingerprint(packet));
    }

    [Fact]
    public void WriteBindingError_WithKey_VerifiesIntegrity()
    {
        var buffer = new byte[128];

        int length = StunWriter.WriteBindingError(buffer, Rfc5769Vectors.TransactionId, 487, Rfc5769Vectors.Key);

        Assert.True(StunIntegrity.VerifyMessageIntegrity(buffer.AsSpan(0, length), Rfc5769Vectors.Key));
        Assert.True(StunIntegrity.VerifyFingerprint(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void AddAttribute_OddLength_PadsWithZerosAndKeepsLengthField()
    {
        var buffer = new byte[64];
        buffer.AsSpan().Fill(0xEE);
        var writer = new StunWriter(buffer, StunMessageType.BindingIndication, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.GoogNetworkInfo, new byte[] { 1, 2, 3, 4, 5 });
        writer.AddFlag(StunAttributeType.UseCandidate);

        Assert.Equal(20 + 12 + 4, writer.Length);
        Assert.Equal(16, buffer[3]);
        Assert.Equal(new byte[] { 5, 0, 0, 0 }, buffer[28..32]);
        Assert.True(StunMessage.TryParse(writer.Written, out var message));
        Assert.True(message.HasAttribute(StunAttributeType.UseCandidate));
        Assert.True(message.TryGetAttribute(StunAttributeType.GoogNetworkInfo, out var value));
        Assert.Equal(5, value.Length);
    }

    [Fact]
    public void WriteBindingSuccess_WarmedUp_AllocatesNothing()
    {
        var mapped = new IPEndPoint(IPAddress.Loopback, 40000).Serialize();
        var key = Rfc5769Vectors.Key;
        var buffer = new byte[128];
        StunWriter.WriteBindingSuccess(buffer, Rfc5769Vectors.TransactionId, mapped, key);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            StunWriter.WriteBindingSuccess(buffer, Rfc5769Vectors.TransactionId, mapped, key);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AddAttribute_DestinationTooSmall_Throws()
    {
        var buffer = new byte[24];

        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new StunWriter(buffer, StunMessageType.BindingRequest, Rfc5769Vectors.TransactionId);
            writer.AddUsername("abcdef"u8);
        });
    }
}
