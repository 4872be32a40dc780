using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// SRTCP protect and unprotect of a 60-byte compound (SR + SDES) in place. Unprotect replays a ring of 64
/// packets with increasing SRTCP indexes and forgets the SSRC after each lap.
/// </summary>
[MemoryDiagnoser]
public class SrtcpBenchmarks
{
    private const int Ring = 64;
    private const uint Ssrc = 0x11223344;

    private SrtpSession _sender = null!;
    private SrtpSession _receiver = null!;
    private byte[] _plain = null!;
    private byte[][] _protected = null!;
    private int _protectedLength;
    private byte[] _work = null!;
    private int _next;

    [Params(SrtpProfile.AeadAes128Gcm, SrtpProfile.AesCm128HmacSha1_80)]
    public SrtpProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[SrtpProfiles.KeyLength(Profile)];
        var salt = new byte[SrtpProfiles.SaltLength(Profile)];
        _sender = new SrtpSession(Profile, key, salt);
        _receiver = new SrtpSession(Profile, key, salt);
        _plain = RtcpBenchmarks.SenderReportAndSdes(Ssrc);
        _work = new byte[_plain.Length + SrtpSession.MaxOverhead];
        _protected = new byte[Ring][];
        for (int i = 0; i < Ring; i++)
        {
            var buffer = new byte[_work.Length];
            _plain.CopyTo(buffer, 0);
            if (!_sender.TryProtectRtcp(buffer, _plain.Length, out _protectedLength))
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
    public int ProtectRtcp()
    {
        _plain.CopyTo(_work, 0);
        _sender.TryProtectRtcp(_work, _plain.Length, out int length);
        if (length == 0)
        {
            // The 31-bit SRTCP index ran out in a very long run: start the SSRC again.
            _sender.RemoveSsrc(Ssrc);
        }

        return length;
    }

    [Benchmark]
    public int UnprotectRtcp()
    {
        int i = _next;
        _next = (i + 1) % Ring;
        if (i == 0)
        {
            _receiver.RemoveSsrc(Ssrc);
        }

        _protected[i].AsSpan(0, _protectedLength).CopyTo(_work);
        if (!_receiver.TryUnprotectRtcp(_work, _protectedLength, out int plainLength))
        {
            throw new InvalidOperationException("unprotect failed");
        }

        return plainLength;
    }
}
