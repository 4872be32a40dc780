using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

/// <summary>ROC tracking across sequence number wraps (RFC 3711 §3.3.1), in order, reordered and under forgery.</summary>
public class SrtpRolloverTests
{
    public static TheoryData<SrtpProfile> Profiles => SrtpTestPackets.Profiles;

    private static (SrtpSession Sender, SrtpSession Receiver) Pair(SrtpProfile profile) => SrtpTestPackets.Pair(profile);

    private static bool Unprotect(SrtpSession receiver, byte[] protectedBytes) => SrtpTestPackets.Unprotect(receiver, protectedBytes);

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotectRtp_ThreeRolloversSparse_DecryptsAndTracksRoc(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        const uint ssrc = 0xA1B2C3D4;
        const int start = 60000;
        const int end = 261600; // ROC 3, seq 64992, a multiple of 100 so it is sent
        int delivered = 0;
        for (int n = start; n <= end; n++)
        {
            ushort sequence = (ushort)n;
            bool nearWrap = sequence >= 65436 || sequence < 100;
            if (!nearWrap && n % 100 != 0)
            {
                continue;
            }

            var packet = SrtpTestPackets.Rtp(sequence, ssrc, payloadLength: 24);
            var plain = packet.Plain;
            Assert.True(sender.TryProtectRtp(packet.Buffer, packet.Length, out int length));
            Assert.True(receiver.TryUnprotectRtp(packet.Buffer, length, out int plainLength), $"n {n}");
            Assert.Equal(plain, packet.Buffer[..plainLength]);
            delivered++;
        }

        Assert.True(receiver.TryGetInboundRtpState(ssrc, out uint roc, out ushort highest));
        Assert.Equal((uint)(end >> 16), roc);
        Assert.Equal(end & 0xFFFF, highest);
        Assert.Equal(3u, roc);
        Assert.True(sender.TryGetOutboundRtpState(ssrc, out uint senderRoc, out _));
        Assert.Equal(3u, senderRoc);
        Assert.True(delivered > 3 * 200);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotectRtp_OutOfOrderAcrossWrap_AllDecrypt(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        ushort[] sent = { 65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3 };
        var packets = new Dictionary<ushort, (byte[] Protected, byte[] Plain)>();
        foreach (ushort sequence in sent)
        {
            var packet = SrtpTestPackets.Rtp(sequence, 42, payloadLength: 16);
            var plain = packet.Plain;
            Assert.True(sender.TryProtectRtp(packet.Buffer, packet.Length, out int length));
            packets[sequence] = (packet.Buffer[..length], plain);
        }

        // The first packet after the wrap arrives before the last ones before it, in both directions.
        foreach (ushort sequence in new ushort[] { 65530, 65532, 0, 65531, 65535, 2, 65533, 1, 65534, 3 })
        {
            var (protectedBytes, plain) = packets[sequence];
            Assert.True(receiver.TryUnprotectRtp(protectedBytes, protectedBytes.Length, out int plainLength), $"seq {sequence}");
            Assert.Equal(plain, protectedBytes[..plainLength]);
        }

        Assert.True(receiver.TryGetInboundRtpState(42, out uint roc, out ushort highest));
        Assert.Equal(1u, roc);
        Assert.Equal(3, highest);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotectRtp_ForgedPacketsAfterWrap_DoNotAdvanceRoc(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var packets = new Dictionary<ushort, byte[]>();
        foreach (ushort sequence in new ushort[] { 65530, 65531, 65532, 5 })
        {
            var packet = SrtpTestPackets.Rtp(sequence, 77, payloadLength: 32);
            Assert.True(sender.TryProtectRtp(packet.Buffer, packet.Length, out int length));
            packets[sequence] = packet.Buffer[..length];
        }

        Assert.True(Unprotect(receiver, packets[65530]));

        // A forgery of the next ROC (seq 5 with a broken tag), and one far ahead: both fail, nothing moves.
        var forged = (byte[])packets[5].Clone();
        forged[^1] ^= 0xFF;
        Assert.False(Unprotect(receiver, forged));
        var farAhead = (byte[])packets[65531].Clone();
        farAhead[2] = 0x7F;
        Assert.False(Unprotect(receiver, farAhead));
        Assert.True(receiver.TryGetInboundRtpState(77, out uint roc, out ushort highest));
        Assert.Equal(0u, roc);
        Assert.Equal(65530, highest);

        // Genuine packets of ROC 0 still decrypt, then the genuine seq 5 moves the ROC to 1.
        Assert.True(Unprotect(receiver, packets[65531]));
        Assert.True(Unprotect(receiver, packets[65532]));
        Assert.True(Unprotect(receiver, packets[5]));
        Assert.True(receiver.TryGetInboundRtpState(77, out roc, out highest));
        Assert.Equal(1u, roc);
        Assert.Equal(5, highest);
    }
}
