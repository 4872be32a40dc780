using System.Buffers.Binary;
using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Tests.Routing;

public sealed class SfuRouterRtcpTests
{
    private readonly RouterHarness _h = new();

    public SfuRouterRtcpTests()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001, videoSsrc: 2001);
        _h.Apply(("a", "*", "b"));
        _h.Answer("b");
    }

    [Fact]
    public void AcceptAnswer_NewVideoEdge_AsksThePublisherForAKeyframe()
    {
        var pli = Assert.Single(_h.Publishers["a"].Rtcp);
        Assert.True(RtcpPli.TryParse(pli, out var parsed));
        Assert.Equal(2001u, parsed.MediaSsrc);
    }

    [Fact]
    public void SubscriberPli_TwiceWithinTheInterval_ReachesThePublisherOnce()
    {
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        uint video = _h.SlotSsrc("b", "a", "camera");
        var before = _h.Publishers["a"].Rtcp.Count;

        _h.Router.OnSubscriberRtcp(_h.Participants["b"], Pli(video));
        _h.Router.OnSubscriberRtcp(_h.Participants["b"], Pli(video));
        Assert.Equal(before + 1, _h.Publishers["a"].Rtcp.Count);

        _h.Clock.Advance(TimeSpan.FromMilliseconds(600));
        _h.Router.OnSubscriberRtcp(_h.Participants["b"], Pli(video));
        Assert.Equal(before + 2, _h.Publishers["a"].Rtcp.Count);
        Assert.True(RtcpPli.TryParse(_h.Publishers["a"].Rtcp[^1], out var forwarded));
        Assert.Equal(2001u, forwarded.MediaSsrc);
    }

    [Fact]
    public void SubscriberFir_ForItsVideo_BecomesAPliToThePublisher()
    {
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        var fir = new byte[20];
        RtcpFir.Write(fir, 77, _h.SlotSsrc("b", "a", "camera"), 1);
        var before = _h.Publishers["a"].Rtcp.Count;

        _h.Router.OnSubscriberRtcp(_h.Participants["b"], fir);

        Assert.Equal(before + 1, _h.Publishers["a"].Rtcp.Count);
        Assert.True(RtcpPli.TryParse(_h.Publishers["a"].Rtcp[^1], out var pli));
        Assert.Equal(2001u, pli.MediaSsrc);
    }

    [Fact]
    public void SubscriberNack_AnsweredFromTheCache_AndNotForwardedToThePublisher()
    {
        for (ushort seq = 10; seq <= 12; seq++)
        {
            _h.Send("a", 2001, seq, payloadType: 96, payload: 200 + seq);
        }

        var sent = _h.Subscribes["b"].Rtp.Count;
        var publisherRtcp = _h.Publishers["a"].Rtcp.Count;
        uint video = _h.SlotSsrc("b", "a", "camera");
        var nack = new byte[16];
        RtcpNack.Write(nack, 77, video, [11]);

        _h.Router.OnSubscriberRtcp(_h.Participants["b"], nack);

        Assert.Equal(sent + 1, _h.Subscribes["b"].Rtp.Count);
        var resent = _h.Subscribes["b"].Rtp[^1];
        Assert.Equal(11, RouterHarness.SequenceOf(resent));
        Assert.Equal(video, RouterHarness.SsrcOf(resent));
        Assert.Equal(12 + 211, resent.Length);
        Assert.Equal(publisherRtcp, _h.Publishers["a"].Rtcp.Count);
        Assert.Equal(1, _h.Router.RetransmissionsSent);
    }

    [Fact]
    public void PublisherSenderReport_ForwardedUnderTheSubscribersSsrc()
    {
        var sr = new byte[28];
        sr[0] = 0x80;
        sr[1] = RtcpPacketType.SenderReport;
        BinaryPrimitives.WriteUInt16BigEndian(sr.AsSpan(2), 6);
        BinaryPrimitives.WriteUInt32BigEndian(sr.AsSpan(4), 1001);
        BinaryPrimitives.WriteUInt64BigEndian(sr.AsSpan(8), 0x1122334455667788);
        BinaryPrimitives.WriteUInt32BigEndian(sr.AsSpan(16), 4242);

        _h.Router.OnPublisherRtcp(_h.Participants["a"], sr);

        var forwarded = Assert.Single(_h.Subscribes["b"].Rtcp);
        Assert.True(RtcpSenderReport.TryParse(forwarded, out var parsed));
        Assert.Equal(_h.SlotSsrc("b", "a", "microphone"), parsed.Ssrc);
        Assert.Equal(0x1122334455667788ul, parsed.NtpTimestamp);
        Assert.Equal(4242u, parsed.RtpTimestamp);
    }

    [Fact]
    public void SubscriberReceiverReportAndRemb_AreTerminated()
    {
        var rr = new byte[8];
        RtcpReceiverReport.Write(rr, 77, []);
        var remb = new byte[24];
        int rembLength = RtcpRemb.Write(remb, 77, 300_000, [_h.SlotSsrc("b", "a", "camera")]);
        var before = _h.Publishers["a"].Rtcp.Count;

        _h.Router.OnSubscriberRtcp(_h.Participants["b"], rr);
        _h.Router.OnSubscriberRtcp(_h.Participants["b"], remb.AsSpan(0, rembLength));

        Assert.Equal(before, _h.Publishers["a"].Rtcp.Count);
    }

    private static byte[] Pli(uint mediaSsrc)
    {
        var pli = new byte[RtcpPli.Length];
        RtcpPli.Write(pli, 77, mediaSsrc);
        return pli;
    }
}
