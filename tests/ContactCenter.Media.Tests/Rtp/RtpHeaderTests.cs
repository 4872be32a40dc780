using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests.Rtp;

public class RtpHeaderTests
{
    // V=2 P=1 X=1 CC=2, PT 111, seq 0x1234, two CSRCs, one-byte extension (id 1 "0", id 2 ab cd ef),
    // payload 01..05, then 3 bytes of padding.
    internal static readonly byte[] OneBytePacket = RfcHex.Parse("""
        b2 6f 12 34  00 00 ab cd  de ad be ef
        00 00 00 01  00 00 00 02
        be de 00 02  10 30 22 ab  cd ef 00 00
        01 02 03 04 05
        00 00 03
        """);

    // V=2 X=1 M=1, PT 96, two-byte extension profile 0x1000: id 1 empty, id 5 = aa bb, then padding.
    internal static readonly byte[] TwoBytePacket = RfcHex.Parse("""
        90 e0 00 01  00 00 00 02  00 00 00 03
        10 00 00 02  01 00 05 02  aa bb 00 00
        ff
        """);

    [Fact]
    public void TryParse_OneBytePacket_ExposesEveryField()
    {
        Assert.True(RtpHeader.TryParse(OneBytePacket, out var header));

        Assert.Equal(2, header.Version);
        Assert.True(header.Padding);
        Assert.True(header.Extension);
        Assert.Equal(2, header.CsrcCount);
        Assert.False(header.Marker);
        Assert.Equal(111, header.PayloadType);
        Assert.Equal(0x1234, header.SequenceNumber);
        Assert.Equal(0xabcdu, header.Timestamp);
        Assert.Equal(0xdeadbeefu, header.Ssrc);
        Assert.Equal(32, header.HeaderLength);
        Assert.True(header.HasOneByteExtensions);
        Assert.Equal(RtpHeader.OneByteExtensionProfile, header.ExtensionProfile);
        Assert.Equal(3, header.PaddingLength);
        Assert.Equal(32, header.PayloadOffset);
        Assert.Equal(5, header.PayloadLength);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, OneBytePacket.AsSpan(header.PayloadOffset, header.PayloadLength).ToArray());
    }

    [Fact]
    public void TryGetExtension_OneByteForm_FindsElementsAndSkipsPadding()
    {
        Assert.True(RtpHeader.TryParse(OneBytePacket, out var header));

        Assert.True(header.TryGetExtension(OneBytePacket, 1, out var mid));
        Assert.Equal("0"u8.ToArray(), mid.ToArray());
        Assert.True(header.TryGetExtension(OneBytePacket, 2, out var value));
        Assert.Equal(new byte[] { 0xab, 0xcd, 0xef }, value.ToArray());
        Assert.False(header.TryGetExtension(OneBytePacket, 3, out _));
        Assert.False(header.TryGetExtension(OneBytePacket, 0, out _));
        Assert.False(header.TryGetExtension(OneBytePacket, 15, out _));
    }

    [Fact]
    public void TryGetExtension_TwoByteForm_FindsEmptyAndValuedElements()
    {
        Assert.True(RtpHeader.TryParse(TwoBytePacket, out var header));

        Assert.True(header.Marker);
        Assert.Equal(96, header.PayloadType);
        Assert.True(header.HasTwoByteExtensions);
        Assert.True(header.TryGetExtension(TwoBytePacket, 1, out var empty));
        Assert.Equal(0, empty.Length);
        Assert.True(header.TryGetExtension(TwoBytePacket, 5, out var value));
        Assert.Equal(new byte[] { 0xaa, 0xbb }, value.ToArray());
        Assert.False(header.TryGetExtension(TwoBytePacket, 2, out _));
        Assert.Equal(1, header.PayloadLength);
    }

    [Fact]
    public void TryGetExtension_OneByteStopId15_StopsSearching()
    {
        var packet = (byte[])OneBytePacket.Clone();
        packet[24] = 0xF0; // id 15 before id 2

        Assert.True(RtpHeader.TryParse(packet, out var header));
        Assert.False(header.TryGetExtension(packet, 2, out _));
    }

    [Fact]
    public void TryGetExtension_ElementOverrunningBlock_False()
    {
        var packet = (byte[])OneBytePacket.Clone();
        packet[26] = 0x2F; // id 2 claims 16 bytes in an 8-byte block

        Assert.True(RtpHeader.TryParse(packet, out var header));
        Assert.False(header.TryGetExtension(packet, 2, out _));
        Assert.True(header.TryGetExtension(packet, 1, out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryParse_EveryTruncation_FalseBeforeHeaderEndAndConsistentAfter(bool oneByte)
    {
        var packet = oneByte ? OneBytePacket : TwoBytePacket;
        int headerLength = oneByte ? 32 : 24;
        for (int length = 0; length < packet.Length; length++)
        {
            var slice = packet.AsSpan(0, length);
            bool parsed = RtpHeader.TryParse(slice, out var header);
            if (length < headerLength)
            {
                Assert.False(parsed, $"length {length}");
                Assert.False(RtpHeader.TryGetHeaderLength(slice, out _));
                continue;
            }

            // RTP carries no length: a shorter payload is still a packet, but never an inconsistent one.
            if (parsed)
            {
                Assert.True(header.PayloadLength >= 0);
                Assert.Equal(length, header.PayloadOffset + header.PayloadLength + header.PaddingLength);
                header.TryGetExtension(slice, 2, out _);
            }
        }
    }

    [Fact]
    public void TryParse_InconsistentFields_False()
    {
        var badVersion = (byte[])TwoBytePacket.Clone();
        badVersion[0] = 0x50;
        Assert.False(RtpHeader.TryParse(badVersion, out _));

        var tooManyCsrcs = (byte[])TwoBytePacket.Clone();
        tooManyCsrcs[0] = 0x9F; // 15 CSRCs do not fit
        Assert.False(RtpHeader.TryParse(tooManyCsrcs, out _));

        var longExtension = (byte[])TwoBytePacket.Clone();
        longExtension[15] = 0x09;
        Assert.False(RtpHeader.TryParse(longExtension, out _));

        var zeroPadding = (byte[])OneBytePacket.Clone();
        zeroPadding[^1] = 0;
        Assert.False(RtpHeader.TryParse(zeroPadding, out _));

        var paddingIntoHeader = (byte[])OneBytePacket.Clone();
        paddingIntoHeader[^1] = 9;
        Assert.False(RtpHeader.TryParse(paddingIntoHeader, out _));
    }

    [Fact]
    public void TryParse_EveryExtensionLengthValue_NeverThrows()
    {
        var packet = (byte[])OneBytePacket.Clone();
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            packet[22] = (byte)(value >> 8);
            packet[23] = (byte)value;
            bool parsed = RtpHeader.TryParse(packet, out var header);
            // Header 24 + 4·value bytes must leave room for the 3 padding bytes of the 40-byte packet.
            Assert.Equal(value <= 3, parsed);
            if (parsed)
            {
                header.TryGetExtension(packet, 2, out _);
            }
        }
    }

    [Fact]
    public void TryParse_WarmedUp_AllocatesNothing()
    {
        Parse();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Parse();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Parse()
        {
            Assert.True(RtpHeader.TryParse(OneBytePacket, out var header));
            Assert.True(header.TryGetExtension(OneBytePacket, 2, out _));
        }
    }
}
