using ContactCenter.Sip.Media;

namespace ContactCenter.Sip.Tests.Media;

public sealed class DtmfReceiverTests
{
    private static byte[] Event(int digit, bool end, int duration) =>
        [(byte)digit, (byte)((end ? 0x80 : 0) | 10), (byte)(duration >> 8), (byte)duration];

    [Fact]
    public void Process_EventWithRedundantEnds_RaisesOnce()
    {
        var digits = new List<(char, int)>();
        var receiver = new DtmfReceiver((d, dur) => digits.Add((d, dur)));

        receiver.Process(1000, Event(1, false, 160));
        receiver.Process(1000, Event(1, false, 320));
        receiver.Process(1000, Event(1, true, 800));
        receiver.Process(1000, Event(1, true, 800));
        receiver.Process(1000, Event(1, true, 800));

        Assert.Equal([('1', 800)], digits);
    }

    [Fact]
    public void Process_SameDigitTwice_RaisesTwice()
    {
        var digits = new List<char>();
        var receiver = new DtmfReceiver((d, _) => digits.Add(d));

        receiver.Process(1000, Event(5, true, 800));
        receiver.Process(3000, Event(5, true, 800));

        Assert.Equal(['5', '5'], digits);
    }

    [Fact]
    public void Process_EndPacketsLost_RaisedWhenNextEventStarts()
    {
        var digits = new List<(char, int)>();
        var receiver = new DtmfReceiver((d, dur) => digits.Add((d, dur)));

        receiver.Process(1000, Event(11, false, 160));
        receiver.Process(2000, Event(10, false, 160));
        receiver.Process(2000, Event(10, true, 640));

        Assert.Equal([('#', 0), ('*', 640)], digits);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0x80 })]
    [InlineData(new byte[] { 16, 0x80, 0, 1 })]
    public void Process_ShortOrUnknownEvent_Ignored(byte[] payload)
    {
        var raised = false;
        var receiver = new DtmfReceiver((_, _) => raised = true);

        receiver.Process(1, payload);

        Assert.False(raised);
    }
}
