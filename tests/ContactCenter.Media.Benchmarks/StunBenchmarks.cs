using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Stun;

namespace ContactCenter.Media.Benchmarks;

/// <summary>An ICE-lite agent's work per connectivity check: parse, verify, answer.</summary>
[MemoryDiagnoser]
public class StunBenchmarks
{
    // RFC 5769 §2.1 sample request (short-term credentials).
    private static readonly byte[] Request = Convert.FromHexString(
        "000100582112a442b7e7a701bc34d686fa87dfae" +
        "802200105354554e207465737420636c69656e74" +
        "002400046e0001ff" +
        "80290008932ff9b151263b36" +
        "000600096576746a3a68367659202020" +
        "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2" +
        "80280004e57a3bcf");

    private readonly byte[] _key = Encoding.UTF8.GetBytes("VOkJxbRl1RmTxUk/WvJxBt");
    private readonly SocketAddress _mapped = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853).Serialize();
    private readonly byte[] _response = new byte[128];

    [GlobalSetup]
    public void Setup()
    {
        if (!ParseAndVerify())
        {
            throw new InvalidOperationException("The RFC 5769 request does not verify.");
        }
    }

    [Benchmark]
    public bool ParseAndVerify()
    {
        return StunMessage.TryParse(Request, out var message)
            && message.TryGetUsername(out _)
            && StunIntegrity.VerifyMessageIntegrity(Request, _key)
            && StunIntegrity.VerifyFingerprint(Request);
    }

    [Benchmark]
    public int WriteBindingSuccess()
    {
        StunMessage.TryParse(Request, out var message);
        return StunWriter.WriteBindingSuccess(_response, message.TransactionId, _mapped, _key);
    }
}
