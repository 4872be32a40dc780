using ContactCenter.Media.Rtp;
using ContactCenter.Media.Transport;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// RTP header, CSRCs, padding and header extensions (RFC 3550 §5.1, RFC 8285): the demux, the parse, and the
/// extension look-ups the SFU does for mid and rid, for every one-byte and some two-byte ids.
/// </summary>
internal static class RtpHarness
{
    private static readonly byte[] s_copy = new byte[InputBuffer.MaxLength];

    public static bool Run(ReadOnlySpan<byte> input)
    {
        _ = MediaPacketClassifier.Classify(input);
        _ = RtpPacketClassifier.IsRtp(input);
        _ = RtpHeader.TryGetHeaderLength(input, out _);
        if (!RtpHeader.TryParse(input, out var header))
        {
            return false;
        }

        _ = header.PayloadLength;
        _ = header.HasOneByteExtensions;
        _ = header.HasTwoByteExtensions;
        for (byte id = 1; id <= 15; id++)
        {
            if (header.TryGetExtension(input, id, out var value))
            {
                _ = value.Length;
            }

            _ = RtpHeader.TryFindExtension(input, id, out _, out _);
        }

        _ = header.TryGetExtension(input, 255, out _);
        _ = input.Slice(header.PayloadOffset, header.PayloadLength).Length;

        // The forwarding path rewrites a copy: payload type, sequence number, and the mid extension in place.
        var copy = s_copy.AsSpan(0, input.Length);
        input.CopyTo(copy);
        _ = RtpWriter.SetPayloadType(copy, 96);
        _ = RtpWriter.SetMarker(copy, true);
        _ = RtpWriter.SetSequenceNumber(copy, 1);
        _ = RtpWriter.SetTimestamp(copy, 2);
        _ = RtpWriter.SetSsrc(copy, 3);
        _ = RtpWriter.TryOverwriteExtension(copy, 1, "0"u8);
        _ = RtpWriter.TryOverwriteExtension(copy, 2, "12"u8);
        return true;
    }
}
