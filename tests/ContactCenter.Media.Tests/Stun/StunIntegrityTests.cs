using ContactCenter.Media.Stun;

namespace ContactCenter.Media.Tests.Stun;

public class StunIntegrityTests
{
    public static TheoryData<string> Vectors => new() { "request", "ipv4", "ipv6" };

    private static byte[] Vector(string name) => name switch
    {
        "request" => (byte[])Rfc5769Vectors.Request.Clone(),
        "ipv4" => (byte[])Rfc5769Vectors.IPv4Response.Clone(),
        _ => (byte[])Rfc5769Vectors.IPv6Response.Clone(),
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VerifyMessageIntegrity_Rfc5769Vector_True(string name)
    {
        Assert.True(StunIntegrity.VerifyMessageIntegrity(Vector(name), Rfc5769Vectors.Key));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VerifyFingerprint_Rfc5769Vector_True(string name)
    {
        Assert.True(StunIntegrity.VerifyFingerprint(Vector(name)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VerifyMessageIntegrity_WrongKey_False(string name)
    {
        Assert.False(StunIntegrity.VerifyMessageIntegrity(Vector(name), "VOkJxbRl1RmTxUk/WvJxBT"u8));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VerifyMessageIntegrity_AnyCoveredByteFlipped_False(string name)
    {
        var packet = Vector(name);
        int integrityValue = packet.Length - 8 - 20;
        for (int i = 0; i < integrityValue + 20; i++)
        {
            // Bytes 2-3 (length) are patched before hashing, and flipping them breaks parsing instead.
            packet[i] ^= 0x40;
            Assert.False(StunIntegrity.VerifyMessageIntegrity(packet, Rfc5769Vectors.Key), $"byte {i}");
            packet[i] ^= 0x40;
        }

        Assert.True(StunIntegrity.VerifyMessageIntegrity(packet, Rfc5769Vectors.Key));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VerifyFingerprint_AnyByteFlipped_False(string name)
    {
        var packet = Vector(name);
        for (int i = 0; i < packet.Length; i++)
        {
            packet[i] ^= 0x01;
            Assert.False(StunIntegrity.VerifyFingerprint(packet), $"byte {i}");
            packet[i] ^= 0x01;
        }
    }

    [Fact]
    public void Verify_TruncatedOrEmpty_FalseWithoutThrowing()
    {
        var packet = Rfc5769Vectors.Request;
        for (int length = 0; length < packet.Length; length++)
        {
            Assert.False(StunIntegrity.VerifyMessageIntegrity(packet.AsSpan(0, length), Rfc5769Vectors.Key));
            Assert.False(StunIntegrity.VerifyFingerprint(packet.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Verify_MessageWithoutIntegrityOrFingerprint_False()
    {
        Span<byte> buffer = stackalloc byte[64];
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, Rfc5769Vectors.TransactionId);
        writer.AddUsername("a:b"u8);

        Assert.False(StunIntegrity.VerifyMessageIntegrity(writer.Written, Rfc5769Vectors.Key));
        Assert.False(StunIntegrity.VerifyFingerprint(writer.Written));
    }

    [Fact]
    public void VerifyMessageIntegrity_ShortIntegrityAttribute_False()
    {
        Span<byte> buffer = stackalloc byte[64];
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.MessageIntegrity, new byte[16]);

        Assert.False(StunIntegrity.VerifyMessageIntegrity(writer.Written, Rfc5769Vectors.Key));
    }

    [Fact]
    public void VerifyFingerprint_NotLastAttribute_False()
    {
        var packet = Rfc5769Vectors.IPv4Response;
        var longer = new byte[packet.Length + 4];
        packet.CopyTo(longer, 0);
        longer[3] += 4;
        longer[^4] = 0x80;
        longer[^3] = 0x25; // a zero-length attribute after FINGERPRINT

        Assert.True(StunMessage.TryParse(longer, out _));
        Assert.False(StunIntegrity.VerifyFingerprint(longer));
    }
}
