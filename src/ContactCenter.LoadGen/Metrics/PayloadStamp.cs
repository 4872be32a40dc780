using System.Buffers.Binary;

namespace ContactCenter.LoadGen.Metrics;

/// <summary>
/// What the sender writes at the start of every RTP payload, so that a receiver can tell which stream a packet
/// belongs to (the SFU rewrites SSRCs), whether one is missing, and how long it took. The send time is the
/// Stopwatch timestamp of this process: sender and receiver share one clock on loopback.
/// </summary>
internal readonly record struct PayloadStamp(int StreamId, uint Sequence, long SentTicks)
{
    public const int Length = 20;
    public const uint Magic = 0x43434C47; // "CCLG"

    public bool TryWrite(Span<byte> payload)
    {
        if (payload.Length < Length)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(payload, Magic);
        BinaryPrimitives.WriteInt32BigEndian(payload.Slice(4), StreamId);
        BinaryPrimitives.WriteUInt32BigEndian(payload.Slice(8), Sequence);
        BinaryPrimitives.WriteInt64BigEndian(payload.Slice(12), SentTicks);
        return true;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out PayloadStamp stamp)
    {
        if (payload.Length < Length || BinaryPrimitives.ReadUInt32BigEndian(payload) != Magic)
        {
            stamp = default;
            return false;
        }

        stamp = new PayloadStamp(
            BinaryPrimitives.ReadInt32BigEndian(payload.Slice(4)),
            BinaryPrimitives.ReadUInt32BigEndian(payload.Slice(8)),
            BinaryPrimitives.ReadInt64BigEndian(payload.Slice(12)));
        return true;
    }
}
