using ContactCenter.Sip.Audio;

namespace ContactCenter.Sip.Tests.Audio;

public sealed class JitterBufferTests
{
    private static byte[] P(int value) => [(byte)value];

    private static List<string> Drain(JitterBuffer buffer, int ticks)
    {
        var result = new List<string>();
        var destination = new byte[1500];
        for (var i = 0; i < ticks; i++)
        {
            var r = buffer.Pop(destination, out var length);
            result.Add(r == JitterResult.Frame ? destination[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : r.ToString());
        }
        return result;
    }

    [Fact]
    public void Pop_ReorderedPackets_ComeOutInSequence()
    {
        var buffer = new JitterBuffer(capacity: 5, startDepth: 2);
        buffer.Push(11, P(11));
        buffer.Push(10, P(10));
        buffer.Push(13, P(13));
        buffer.Push(12, P(12));

        Assert.Equal(["10", "11", "12", "13", "Empty"], Drain(buffer, 5));
    }

    [Fact]
    public void Pop_BeforeStartDepth_IsEmpty()
    {
        var buffer = new JitterBuffer(capacity: 5, startDepth: 3);
        buffer.Push(1, P(1));
        buffer.Push(2, P(2));

        Assert.Equal(["Empty"], Drain(buffer, 1));
    }

    [Fact]
    public void Pop_GapWithLaterFrames_ReportsMissingForConcealment()
    {
        var buffer = new JitterBuffer();
        buffer.Push(1, P(1));
        buffer.Push(3, P(3));

        Assert.Equal(["1", "Missing", "3"], Drain(buffer, 3));
    }

    [Fact]
    public void Push_LateAndDuplicate_AreDropped()
    {
        var buffer = new JitterBuffer();
        buffer.Push(1, P(1));
        buffer.Push(2, P(2));
        Drain(buffer, 1);

        Assert.False(buffer.Push(1, P(1)));
        Assert.False(buffer.Push(2, P(2)));
        Assert.Equal(1, buffer.Late);
        Assert.Equal(1, buffer.Duplicates);
        Assert.Equal(["2"], Drain(buffer, 1));
    }

    [Fact]
    public void Push_AcrossSequenceWrap_KeepsOrder()
    {
        var buffer = new JitterBuffer();
        buffer.Push(65535, P(1));
        buffer.Push(0, P(2));
        buffer.Push(1, P(3));

        Assert.Equal(["1", "2", "3"], Drain(buffer, 3));
    }

    [Fact]
    public void Push_JumpBeyondWindow_DropsOldAndPlaysNew()
    {
        var buffer = new JitterBuffer(capacity: 4, startDepth: 2);
        buffer.Push(1, P(1));
        buffer.Push(2, P(2));
        buffer.Push(100, P(100));
        buffer.Push(101, P(101));

        var played = Drain(buffer, 4);

        Assert.Equal(["100", "101", "Empty", "Empty"], played);
    }

    [Fact]
    public void Pop_AfterUnderrun_RebuffersBeforePlaying()
    {
        var buffer = new JitterBuffer(capacity: 5, startDepth: 2);
        buffer.Push(1, P(1));
        buffer.Push(2, P(2));
        Drain(buffer, 3);
        buffer.Push(3, P(3));

        Assert.Equal(["Empty"], Drain(buffer, 1));
        buffer.Push(4, P(4));
        Assert.Equal(["3", "4"], Drain(buffer, 2));
    }
}
