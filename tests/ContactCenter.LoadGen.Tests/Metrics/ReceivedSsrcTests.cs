using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Metrics;

public sealed class ReceivedSsrcTests
{
    [Fact]
    public void Record_FourWrapsInOrder_CountsFour()
    {
        var received = new ReceivedSsrc(1);
        uint start = 40_000;
        for (uint s = start; s < start + (4 * 65_536) + 10; s++)
        {
            received.Record((ushort)s, s);
        }

        Assert.Equal(4, received.Wraps);
        Assert.Equal((4 * 65_536) + 10, received.Packets);
        Assert.Equal(0, received.Renumbered);
    }

    [Fact]
    public void Record_LatePacketFromBeforeTheWrap_DoesNotCountAnotherWrap()
    {
        var received = new ReceivedSsrc(1);
        received.Record(65_534, 65_534);
        received.Record(0, 65_536);       // wrapped (65,535 is late)
        received.Record(65_535, 65_535);  // the late one: before the wrap, not a new cycle
        received.Record(1, 65_537);

        Assert.Equal(1, received.Wraps);
        Assert.Equal(4, received.Packets);
    }

    [Fact]
    public void Record_LossAcrossTheWrap_StillCountsIt()
    {
        var received = new ReceivedSsrc(1);
        received.Record(65_500, 65_500);
        received.Record(20, 65_556);

        Assert.Equal(1, received.Wraps);
    }

    [Fact]
    public void Record_SequenceNotTheSendersLowBits_CountsRenumbered()
    {
        var received = new ReceivedSsrc(1);
        received.Record(7, 100);

        Assert.Equal(1, received.Renumbered);
    }

    [Fact]
    public void Reset_AfterWraps_StartsOverButKeepsTheStream()
    {
        var received = new ReceivedSsrc(9) { StreamId = 3 };
        received.Record(65_535, 65_535);
        received.Record(0, 65_536);
        received.CountAuthFailure();

        received.Reset();

        Assert.Equal((0, 0L, 0L), (received.Wraps, received.Packets, received.AuthFailures));
        Assert.Equal((9u, 3), (received.Ssrc, received.StreamId));
    }
}
