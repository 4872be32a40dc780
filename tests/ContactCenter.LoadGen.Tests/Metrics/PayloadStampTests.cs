using System.Buffers.Binary;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Metrics;

public sealed class PayloadStampTests
{
    [Fact]
    public void TryRead_WrittenStamp_RoundTrips()
    {
        var payload = new byte[60];
        var stamp = new PayloadStamp(StreamId: 4242, Sequence: uint.MaxValue - 1, SentTicks: 0x0102_0304_0506_0708);

        Assert.True(stamp.TryWrite(payload));
        Assert.True(PayloadStamp.TryRead(payload, out var read));

        Assert.Equal(stamp, read);
    }

    [Fact]
    public void TryWrite_Layout_IsBigEndianMagicIdSequenceTicks()
    {
        var payload = new byte[PayloadStamp.Length];
        new PayloadStamp(7, 9, 11).TryWrite(payload);

        Assert.Equal(PayloadStamp.Magic, BinaryPrimitives.ReadUInt32BigEndian(payload));
        Assert.Equal(7, BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(4)));
        Assert.Equal(9u, BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(8)));
        Assert.Equal(11L, BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(12)));
    }

    [Fact]
    public void TryWrite_PayloadTooShort_ReturnsFalse() =>
        Assert.False(new PayloadStamp(1, 1, 1).TryWrite(new byte[PayloadStamp.Length - 1]));

    [Fact]
    public void TryRead_ForeignPayload_ReturnsFalse()
    {
        var payload = new byte[40];
        payload[0] = 0xFF;
        Assert.False(PayloadStamp.TryRead(payload, out _));
        Assert.False(PayloadStamp.TryRead(new byte[3], out _));
    }
}
