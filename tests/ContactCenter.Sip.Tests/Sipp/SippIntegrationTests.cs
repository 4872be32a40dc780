using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.Tests.UserAgent;
using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Sip.Tests.Sipp;

/// <summary>End-to-end against Debian's sipp (package sip-tester) with the scenarios in Scenarios/.</summary>
public sealed class SippIntegrationTests
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task TokenCall_SippPlaysG711AndDtmf_AcceptedAudioReceivedDigitsInOrderByeEndsLeg(string transport)
    {
        await using var uas = new UasHarness(o => o.NoRtpTimeoutSeconds = 15, rtpBase: 44000);

        var result = await SippRunner.RunAsync("uac-token-call.xml", uas.Agent.LocalEndPoint, TestCallHandler.GoodToken, transport);

        Assert.False(result.TimedOut, result.Output);
        Assert.True(result.ExitCode == 0, $"sipp exit {result.ExitCode}\n{result.Errors}\n{result.Output}");
        var context = Assert.Single(uas.Handler.Invites);
        Assert.Equal(TestCallHandler.GoodToken, context.Token);
        Assert.Equal("Y2FsbC1zaXBw", context.UuiCallId);
        var call = Assert.Single(uas.Handler.Established);
        Assert.Equal("p-1", call.ParticipantId);
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Ended.IsEmpty));
        Assert.Equal(SipCallEndReason.RemoteBye, Assert.Single(uas.Handler.Ended).Reason);
        Assert.Equal(SipCallState.Ended, call.State);
        // 2.5 s of 20 ms packets before the digits start; allow for the pcap's own pacing.
        Assert.True(call.Leg.PacketsReceived > 50, $"packets {call.Leg.PacketsReceived}");
        Assert.True(call.Leg.AverageAbsoluteAmplitude > 100, $"amplitude {call.Leg.AverageAbsoluteAmplitude}");
        Assert.Equal("123#", string.Concat(uas.Handler.Digits));
        Assert.True(call.Leg.PacketsSent > 0, "the bridge sent nothing toward sipp");
        Assert.Empty(uas.Agent.Calls);
    }

    [Fact]
    public async Task TrunkCall_SippHoldsAndResumes_CustomerAcceptedHoldReportedByeEnds()
    {
        await using var uas = new UasHarness(o =>
        {
            var trunk = new SipTrunkOptions { Name = "carrier" };
            trunk.Addresses.Add("127.0.0.1");
            o.Trunks.Add(trunk);
        }, rtpBase: 44000);

        var result = await SippRunner.RunAsync("uac-trunk-hold.xml", uas.Agent.LocalEndPoint);

        Assert.True(result.ExitCode == 0, $"sipp exit {result.ExitCode}\n{result.Errors}\n{result.Output}");
        var context = Assert.Single(uas.Handler.Invites);
        Assert.Equal(("carrier", "+15557654321"), (context.Trunk!.Name, context.CallerNumber));
        Assert.Null(context.Token);
        Assert.Equal("customer", Assert.Single(uas.Handler.Established).ParticipantId);
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Ended.IsEmpty));
        Assert.Equal([true, false], uas.Handler.HoldChanges);
    }

    [Fact]
    public async Task BadToken_SippExpects403_Gets403()
    {
        await using var uas = new UasHarness(rtpBase: 44000);

        var result = await SippRunner.RunAsync("uac-bad-token.xml", uas.Agent.LocalEndPoint, "forged.token.value");

        Assert.True(result.ExitCode == 0, $"sipp exit {result.ExitCode}\n{result.Errors}\n{result.Output}");
        Assert.Equal("forged.token.value", Assert.Single(uas.Handler.Invites).Token);
        Assert.Empty(uas.Handler.Established);
        Assert.Empty(uas.Agent.Calls);
    }

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Options_SippPing_Gets200(string transport)
    {
        await using var uas = new UasHarness(rtpBase: 44000);

        var result = await SippRunner.RunAsync("uac-options.xml", uas.Agent.LocalEndPoint, transport: transport);

        Assert.True(result.ExitCode == 0, $"sipp exit {result.ExitCode}\n{result.Errors}\n{result.Output}");
    }

    [Fact]
    public async Task MalformedDatagramsAndStreams_ThenSippOptions_ServerStillAnswers()
    {
        await using var uas = new UasHarness(rtpBase: 44000);
        var target = uas.Agent.LocalEndPoint;
        using (var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            var random = new Random(6);
            for (var i = 0; i < 50; i++)
            {
                var junk = new byte[random.Next(1, 1400)];
                random.NextBytes(junk);
                udp.SendTo(junk, target);
            }
            udp.SendTo(Encoding.ASCII.GetBytes("OPTIONS sip:x SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;rport\r\nContent-Length: 99999999999\r\n\r\n"), target);
        }
        using (var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await tcp.ConnectAsync(target);
            await tcp.SendAsync(Encoding.ASCII.GetBytes("\u0016\u0003\u0001 this is TLS, not SIP\r\n\r\n"));
            var buffer = new byte[100];
            tcp.ReceiveTimeout = 5000;
            Assert.Equal(0, tcp.Receive(buffer));
        }

        var result = await SippRunner.RunAsync("uac-options.xml", target);

        Assert.True(result.ExitCode == 0, $"sipp exit {result.ExitCode}\n{result.Errors}\n{result.Output}");
    }
}
