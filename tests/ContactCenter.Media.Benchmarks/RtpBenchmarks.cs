using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>RTP header parse with one-byte extensions, and an extension lookup (mid).</summary>
[MemoryDiagnoser]
public class RtpBenchmarks
{
    private readonly byte[] _packet = SrtpBenchmarks.BuildRtp(1234, 1000);

    [Benchmark]
    public int ParseHeader()
    {
        RtpHeader.TryParse(_packet, out var header);
        return header.PayloadLength;
    }

    [Benchmark]
    public int ParseHeaderAndFindExtension()
    {
        RtpHeader.TryParse(_packet, out var header);
        header.TryGetExtension(_packet, 1, out var mid);
        return mid.Length;
    }
}
