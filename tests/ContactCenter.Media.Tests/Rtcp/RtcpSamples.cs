namespace ContactCenter.Media.Tests.Rtcp;

/// <summary>Hand-assembled RTCP packets, one of each parsed type.</summary>
internal static class RtcpSamples
{
    // SR, RC=1: SSRC 11223344, NTP e8a1b2c3.d4e5f607, RTP ts 0x10000, 100 packets, 16000 octets;
    // block: SSRC 55667788, fraction 0x40, cumulative −2, ext. highest 0x11234, jitter 0x20, LSR, DLSR.
    public static readonly byte[] SenderReport = RfcHex.Parse("""
        81 c8 00 0c  11 22 33 44
        e8 a1 b2 c3  d4 e5 f6 07  00 01 00 00  00 00 00 64  00 00 3e 80
        55 66 77 88  40 ff ff fe  00 01 12 34  00 00 00 20  a1 b2 c3 d4  00 01 00 00
        """);

    // SDES with one CNAME "abcd".
    public static readonly byte[] SourceDescription = RfcHex.Parse("""
        81 ca 00 03  11 22 33 44  01 04 61 62  63 64 00 00
        """);

    // RR, RC=1, reporter 0a0b0c0d.
    public static readonly byte[] ReceiverReport = RfcHex.Parse("""
        81 c9 00 07  0a 0b 0c 0d
        55 66 77 88  01 00 00 05  00 02 00 10  00 00 01 00  00 00 00 00  00 00 00 00
        """);

    public static readonly byte[] Pli = RfcHex.Parse("81 ce 00 02  00 00 00 01  00 00 00 02");

    // FIR with two entries: SSRC 3 seq 7, SSRC 4 seq 8.
    public static readonly byte[] Fir = RfcHex.Parse("""
        84 ce 00 06  00 00 00 01  00 00 00 00
        00 00 00 03  07 00 00 00  00 00 00 04  08 00 00 00
        """);

    // NACK: PID 16 BLP 0x8001 (16, 17, 32), PID 65534 BLP 0x0003 (65534, 65535, 0).
    public static readonly byte[] Nack = RfcHex.Parse("""
        81 cd 00 04  00 00 00 01  00 00 00 02
        00 10 80 01  ff fe 00 03
        """);

    // REMB 1,000,000 bps (mantissa 250000, exponent 2) for SSRC 0xcafebabe.
    public static readonly byte[] Remb = RfcHex.Parse("""
        8f ce 00 05  00 00 00 01  00 00 00 00
        52 45 4d 42  01 0b d0 90  ca fe ba be
        """);

    public static byte[] Compound(params byte[][] packets)
    {
        var compound = new List<byte>();
        foreach (var packet in packets)
        {
            compound.AddRange(packet);
        }

        return compound.ToArray();
    }

    public static TheoryData<string> Names => new() { "sr", "rr", "pli", "fir", "nack", "remb" };

    public static byte[] ByName(string name) => name switch
    {
        "sr" => SenderReport,
        "rr" => ReceiverReport,
        "pli" => Pli,
        "fir" => Fir,
        "nack" => Nack,
        _ => Remb,
    };

    /// <summary>Runs the parser of the named type.</summary>
    public static bool Parse(string name, ReadOnlySpan<byte> packet) => name switch
    {
        "sr" => Media.Rtcp.RtcpSenderReport.TryParse(packet, out _),
        "rr" => Media.Rtcp.RtcpReceiverReport.TryParse(packet, out _),
        "pli" => Media.Rtcp.RtcpPli.TryParse(packet, out _),
        "fir" => Media.Rtcp.RtcpFir.TryParse(packet, out _),
        "nack" => Media.Rtcp.RtcpNack.TryParse(packet, out _),
        _ => Media.Rtcp.RtcpRemb.TryParse(packet, out _),
    };
}
