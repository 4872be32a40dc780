using System.Buffers.Binary;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The last <see cref="Capacity"/> RTP packets of one published video track, indexed by sequence number, so that
/// a subscriber's NACK (RFC 4585 §6.2.1) is answered by the SFU instead of travelling to the publisher.
/// Buffers are allocated once. With several receive threads the publisher's packets and a subscriber's NACK
/// may arrive on different threads, so both sides take a (normally uncontended) lock.
/// </summary>
internal sealed class RetransmissionCache
{
    public const int Capacity = 256;
    public const int MaxPacket = 1500;

    private readonly byte[] _buffers = new byte[Capacity * MaxPacket];
    private readonly int[] _lengths = new int[Capacity];
    private readonly int[] _sequences = new int[Capacity];
    private readonly Lock _lock = new();

    public RetransmissionCache() => Array.Fill(_sequences, -1);

    public void Store(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 12 || packet.Length > MaxPacket)
        {
            return;
        }

        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2));
        int index = sequence % Capacity;
        lock (_lock)
        {
            packet.CopyTo(_buffers.AsSpan(index * MaxPacket, MaxPacket));
            _lengths[index] = packet.Length;
            _sequences[index] = sequence;
        }
    }

    /// <summary>
    /// Copies the cached packet with <paramref name="sequence"/>, as the publisher sent it, into
    /// <paramref name="into"/> (at least <see cref="MaxPacket"/> bytes); its length, or 0 when it is gone.
    /// </summary>
    public int CopyTo(ushort sequence, Span<byte> into)
    {
        int index = sequence % Capacity;
        lock (_lock)
        {
            if (_sequences[index] != sequence)
            {
                return 0;
            }

            int length = _lengths[index];
            _buffers.AsSpan(index * MaxPacket, length).CopyTo(into);
            return length;
        }
    }
}
