using System.Buffers.Binary;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The last <see cref="Capacity"/> RTP packets of one published video track, indexed by sequence number, so that
/// a subscriber's NACK (RFC 4585 §6.2.1) is answered by the SFU instead of travelling to the publisher.
/// Buffers are allocated once. Written and read on the transport's receive loop only (single thread).
/// </summary>
internal sealed class RetransmissionCache
{
    public const int Capacity = 256;
    public const int MaxPacket = 1500;

    private readonly byte[] _buffers = new byte[Capacity * MaxPacket];
    private readonly int[] _lengths = new int[Capacity];
    private readonly int[] _sequences = new int[Capacity];

    public RetransmissionCache() => Array.Fill(_sequences, -1);

    public void Store(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 12 || packet.Length > MaxPacket)
        {
            return;
        }

        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2));
        int index = sequence % Capacity;
        packet.CopyTo(_buffers.AsSpan(index * MaxPacket, MaxPacket));
        _lengths[index] = packet.Length;
        _sequences[index] = sequence;
    }

    /// <summary>The cached packet with <paramref name="sequence"/>, as the publisher sent it; empty when gone.</summary>
    public Span<byte> Find(ushort sequence)
    {
        int index = sequence % Capacity;
        return _sequences[index] == sequence ? _buffers.AsSpan(index * MaxPacket, _lengths[index]) : [];
    }
}
