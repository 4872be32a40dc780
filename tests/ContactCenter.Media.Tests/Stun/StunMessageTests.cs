using System.Buffers.Binary;
using System.Net;
using System.Text;
using ContactCenter.Media.Stun;

namespace ContactCenter.Media.Tests.Stun;

public class StunMessageTests
{
    [Fact]
    public void TryParse_Rfc5769Request_ExposesHeaderAndIceAttributes()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out var message));

        Assert.Equal(StunMessageType.BindingRequest, message.MessageType);
        Assert.True(message.TransactionId.SequenceEqual(Rfc5769Vectors.TransactionId));
        Assert.True(message.TryGetUsername(out var username));
        Assert.Equal("evtj:h6vY", Encoding.UTF8.GetString(username));
        Assert.True(message.TryGetAttribute(StunAttributeType.Software, out var software));
        Assert.Equal("STUN test client", Encoding.UTF8.GetString(software));
        Assert.True(message.TryGetPriority(out uint priority));
        Assert.Equal(0x6e0001ffu, priority);
        Assert.True(message.TryGetIceControlled(out ulong tieBreaker));
        Assert.Equal(0x932ff9b151263b36ul, tieBreaker);
        Assert.False(message.TryGetIceControlling(out _));
        Assert.True(message.HasAttribute(StunAttributeType.MessageIntegrity));
        Assert.True(message.HasAttribute(StunAttributeType.Fingerprint));
        Assert.False(message.HasAttribute(StunAttributeType.UseCandidate));
    }

    [Fact]
    public void TryGetXorMappedAddress_Rfc5769IPv4Response_Decodes192_0_2_1Port32853()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv4Response, out var message));
        Assert.Equal(StunMessageType.BindingSuccessResponse, message.MessageType);

        Assert.True(message.TryGetXorMappedAddress(out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), endPoint);
    }

    [Fact]
    public void TryGetXorMappedAddress_Rfc5769IPv6Response_DecodesIPv6AndPort()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv6Response, out var message));

        Span<byte> address = stackalloc byte[16];
        Assert.True(message.TryGetXorMappedAddress(address, out int length, out ushort port));
        Assert.Equal(16, length);
        Assert.Equal(32853, port);
        Assert.Equal(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), new IPAddress(address));
    }

    [Fact]
    public void TryParse_EveryTruncation_ReturnsFalse()
    {
        foreach (var vector in new[] { Rfc5769Vectors.Request, Rfc5769Vectors.IPv4Response, Rfc5769Vectors.IPv6Response })
        {
            for (int length = 0; length < vector.Length; length++)
            {
                Assert.False(StunMessage.TryParse(vector.AsSpan(0, length), out _), $"length {length}");
            }
        }
    }

    [Fact]
    public void TryParse_EveryWrongLengthField_ReturnsFalse()
    {
        var packet = (byte[])Rfc5769Vectors.Request.Clone();
        for (int field = 0; field <= ushort.MaxValue; field++)
        {
            if (field == 0x58)
            {
                continue;
            }

            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)field);
            Assert.False(StunMessage.TryParse(packet, out _));
        }
    }

    [Fact]
    public void TryParse_BadMagicCookie_ReturnsFalse()
    {
        var packet = (byte[])Rfc5769Vectors.Request.Clone();
        packet[5] ^= 0x01;

        Assert.False(StunMessage.TryParse(packet, out _));
        Assert.False(StunMessage.IsStunHeader(packet));
    }

    [Fact]
    public void TryParse_TopBitsSet_ReturnsFalse()
    {
        var packet = (byte[])Rfc5769Vectors.Request.Clone();
        packet[0] |= 0x80;

        Assert.False(StunMessage.TryParse(packet, out _));
    }

    [Fact]
    public void TryParse_AttributeOverrunningMessage_ReturnsFalse()
    {
        var packet = (byte[])Rfc5769Vectors.IPv4Response.Clone();
        // The last attribute (FINGERPRINT, length 4) claims 8 bytes.
        packet[^5] = 8;

        Assert.False(StunMessage.TryParse(packet, out _));
    }

    [Fact]
    public void TryParse_TrailingBytesBeyondLength_ReturnsFalse()
    {
        var packet = new byte[Rfc5769Vectors.Request.Length + 4];
        Rfc5769Vectors.Request.CopyTo(packet, 0);

        Assert.False(StunMessage.TryParse(packet, out _));
    }

    [Fact]
    public void TryGetAttribute_AfterMessageIntegrity_IsIgnored()
    {
        Span<byte> buffer = stackalloc byte[128];
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, Rfc5769Vectors.TransactionId);
        writer.AppendMessageIntegrity(Rfc5769Vectors.Key);
        writer.AddUsername("late"u8);
        int length = writer.AppendFingerprint();

        Assert.True(StunMessage.TryParse(buffer.Slice(0, length), out var message));
        Assert.False(message.TryGetUsername(out _));
        Assert.True(message.HasAttribute(StunAttributeType.Fingerprint));
    }

    [Fact]
    public void TryGetErrorCode_WrittenError_RoundTrips()
    {
        Span<byte> buffer = stackalloc byte[128];
        int length = StunWriter.WriteBindingError(buffer, Rfc5769Vectors.TransactionId, 487);

        Assert.True(StunMessage.TryParse(buffer.Slice(0, length), out var message));
        Assert.Equal(StunMessageType.BindingErrorResponse, message.MessageType);
        Assert.True(message.TryGetErrorCode(out int code, out var reason));
        Assert.Equal(487, code);
        Assert.Equal("Role Conflict", Encoding.UTF8.GetString(reason));
    }

    [Fact]
    public void StunMessageType_ClassAndMethod_Decoded()
    {
        Assert.Equal(1, StunMessageType.GetMethod(StunMessageType.BindingErrorResponse));
        Assert.Equal(0, StunMessageType.GetClass(StunMessageType.BindingRequest));
        Assert.Equal(1, StunMessageType.GetClass(StunMessageType.BindingIndication));
        Assert.Equal(2, StunMessageType.GetClass(StunMessageType.BindingSuccessResponse));
        Assert.Equal(3, StunMessageType.GetClass(StunMessageType.BindingErrorResponse));
    }

    [Fact]
    public void ParseAndVerify_WarmedUp_AllocatesNothing()
    {
        var packet = Rfc5769Vectors.Request;
        var key = Rfc5769Vectors.Key;
        ParseAndVerify(packet, key);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            ParseAndVerify(packet, key);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void ParseAndVerify(byte[] packet, byte[] key)
        {
            Assert.True(StunMessage.TryParse(packet, out var message));
            Assert.True(message.TryGetUsername(out _));
            Assert.True(StunIntegrity.VerifyMessageIntegrity(packet, key));
            Assert.True(StunIntegrity.VerifyFingerprint(packet));
        }
    }
}
