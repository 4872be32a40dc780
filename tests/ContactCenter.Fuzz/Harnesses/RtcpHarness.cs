using ContactCenter.Media.Rtcp;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// Compound RTCP (RFC 3550 §6.1) walked as <c>SfuRouter.Rtcp</c> does, with every typed parser on each part:
/// SR, RR and their report blocks, PLI, FIR entries, generic NACK expanded to sequence numbers, REMB SSRCs.
/// </summary>
internal static class RtcpHarness
{
    public static bool Run(ReadOnlySpan<byte> input)
    {
        bool wellFormed = RtcpCompoundEnumerator.IsWellFormed(input);
        Span<ushort> lost = stackalloc ushort[256];
        foreach (var part in new RtcpCompoundEnumerator(input))
        {
            if (RtcpSenderReport.TryParse(part, out var sr))
            {
                _ = sr.CompactNtpTimestamp;
                for (int i = 0; i <= sr.ReportCount; i++)
                {
                    _ = sr.TryGetReportBlock(part, i, out _);
                }
            }

            if (RtcpReceiverReport.TryParse(part, out var rr))
            {
                for (int i = 0; i <= rr.ReportCount; i++)
                {
                    _ = rr.TryGetReportBlock(part, i, out _);
                }
            }

            _ = RtcpPli.TryParse(part, out _);
            if (RtcpFir.TryParse(part, out var fir))
            {
                for (int i = 0; i <= fir.EntryCount; i++)
                {
                    _ = fir.TryGetEntry(part, i, out _);
                }
            }

            if (RtcpNack.TryParse(part, out var nack))
            {
                _ = nack.CopyLostSequenceNumbers(part, lost);
            }

            if (RtcpRemb.TryParse(part, out var remb))
            {
                for (int i = 0; i <= remb.SsrcCount; i++)
                {
                    _ = remb.TryGetSsrc(part, i, out _);
                }
            }
        }

        return wellFormed;
    }
}
