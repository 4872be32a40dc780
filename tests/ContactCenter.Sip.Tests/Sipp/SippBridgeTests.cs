using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Opus;
using ContactCenter.Sip.Tests.Audio;
using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.Tests.UserAgent;

namespace ContactCenter.Sip.Tests.Sipp;

/// <summary>
/// Browsers → phone end to end: a fake SFU pushes an "agent" Opus tone into the call's bridge while sipp
/// (with -rtp_echo) returns every RTP packet we send; the echoed packets, recognised by our SSRC, must
/// carry the tone as G.711.
/// </summary>
public sealed class SippBridgeTests
{
    private sealed class RecordingSink : IPhoneMediaSink
    {
        private readonly List<byte[]> _packets = [];

        public List<byte[]> Packets
        {
            get
            {
                lock (_packets)
                {
                    return [.. _packets];
                }
            }
        }

        public void OnPhoneRtp(string legId, ReadOnlySpan<byte> rtpPacket)
        {
            lock (_packets)
            {
                _packets.Add(rtpPacket.ToArray());
            }
        }
    }

    [Fact]
    public async Task TokenCall_AgentOpusPushedIntoBridge_SippEchoesG711CarryingTheTone()
    {
        var sink = new RecordingSink();
        await using var uas = new UasHarness(o => o.NoRtpTimeoutSeconds = 15, sink, rtpBase: 44000);
        using var stop = new CancellationTokenSource();
        var feeder = Task.Run(async () =>
        {
            // The fake SFU: once the call exists, forward one 20 ms Opus packet of a 700 Hz tone every 20 ms.
            while (uas.Agent.Calls.Count == 0 && !stop.IsCancellationRequested)
            {
                await Task.Delay(10);
            }
            var call = uas.Agent.Calls.FirstOrDefault();
            if (call is null)
            {
                return 0u;
            }
            call.Bridge.SetStreams(["agent"]);
            using var encoder = new OpusEncoder();
            var packet = new byte[1500];
            ushort sequence = 0;
            while (!stop.IsCancellationRequested && call.State != ContactCenter.Sip.UserAgent.SipCallState.Ended)
            {
                var length = encoder.Encode(ToneMath.Sine(700, 48000, 960, 8000, sequence * 960), packet);
                call.Bridge.PushOpus("agent", sequence, (uint)(sequence * 960), packet.AsSpan(0, length));
                sequence++;
                await Task.Delay(20);
            }
            return call.Leg.Ssrc;
        });

        var result = await SippRunner.RunAsync("uac-token-call.xml", uas.Agent.LocalEndPoint, TestCallHandler.GoodToken, rtpEcho: true);
        await stop.CancelAsync();
        var ourSsrc = await feeder;

        Assert.True(result.ExitCode == 0, $"sipp exit {result.ExitCode}\n{result.Errors}\n{result.Output}");
        var echoed = new List<short>();
        foreach (var packet in sink.Packets)
        {
            if (RtpPacket.TryParse(packet, out var rtp) && rtp.Ssrc == ourSsrc)
            {
                var pcm = new short[rtp.PayloadLength];
                G711.DecodeALaw(packet.AsSpan(rtp.PayloadOffset, rtp.PayloadLength), pcm);
                echoed.AddRange(pcm);
            }
        }
        Assert.True(echoed.Count > 160 * 50, $"only {echoed.Count / 160} of our packets came back");
        var audio = echoed.ToArray().AsSpan(echoed.Count / 4);
        Assert.True(ToneMath.ToneLevel(audio, 700, 8000) > 500, $"700 Hz level {ToneMath.ToneLevel(audio, 700, 8000)}");
    }
}
