using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// SRTP protect and unprotect of one RTP packet in place. Each operation first copies the packet into the
/// work buffer (plaintext for protect, a pre-protected packet for unprotect), which costs a memcpy.
/// Unprotect cycles through 64 packets protected with increasing sequence numbers, so every one passes
/// the replay window; after the 64th the receiver forgets the SSRC (amortised over the 64).
/// </summary>
[MemoryDiagnoser]
public class SrtpBenchmarks
{
    private const int Ring = 64;
    private const uint Ssrc = 0x11223344;

    private SrtpSession _sender = null!;
    private SrtpSession _receiver = null!;
    private byte[] _plain = null!;
    private byte[][] _protected = null!;
    private int[] _protectedLengths = null!;
    private byte[] _work = null!;
    private int _next;

    [Params(SrtpProfile.AeadAes128Gcm, SrtpProfile.AesCm128HmacSha1_80)]
    public SrtpProfile Profile { get; set; }

    [Params(100, 1200)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[SrtpProfiles.KeyLength(Profile)];
        var salt = new byte[SrtpProfiles.SaltLength(Profile)];
        new Random(1).NextBytes(key);
        new Random(2).NextBytes(salt);
        _sender = new SrtpSession(Profile, key, salt);
        _receiver = new SrtpSession(Profile, key, salt);

        _plain = BuildRtp(1000, PayloadSize);
        _work = new byte[_plain.Length + SrtpSession.MaxOverhead];
        _protected = new byte[Ring][];
        _protectedLengths = new int[Ring];
        for (int i = 0; i < Ring; i++)
        {
            var packet = BuildRtp((ushort)(2000 + i), PayloadSize);
            var buffer = new byte[packet.Length + SrtpSession.MaxOverhead];
            packet.CopyTo(buffer, 0);
            if (!_sender.TryProtectRtp(buffer, packet.Length, out _protectedLengths[i]))
            {
                throw new InvalidOperationException("protect failed");
            }

            _protected[i] = buffer;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _receiver.Dispose();
    }

    [Benchmark]
    public int ProtectRtp()
    {
        _plain.CopyTo(_work, 0);
        _sender.TryProtectRtp(_work, _plain.Length, out int length);
        return length;
    }

    [Benchmark]
    public int UnprotectRtp()
    {
        int i = _next;
        _next = (i + 1) % Ring;
        if (i == 0)
        {
            _receiver.RemoveSsrc(Ssrc);
        }

        int length = _protectedLengths[i];
        _protected[i].AsSpan(0, length).CopyTo(_work);
        if (!_receiver.TryUnprotectRtp(_work, length, out int plainLength))
        {
            throw new InvalidOperationException("unprotect failed");
        }

        return plainLength;
    }

    internal static byte[] BuildRtp(ushort sequence, int payloadSize)
    {
        // 12-byte header plus a one-byte extension block (mid and abs-send-time), as browsers send.
        var packet = new byte[12 + 12 + payloadSize];
        packet[0] = 0x90;
        packet[1] = 111;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 960u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), Ssrc);
        packet[12] = 0xBE;
        packet[13] = 0xDE;
        packet[15] = 2;
        packet[16] = 0x10;
        packet[17] = (byte)'0';
        packet[18] = 0x32;
        for (int i = 24; i < packet.Length; i++)
        {
            packet[i] = (byte)i;
        }

        return packet;
    }
}
