using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>Walks a compound RTCP packet (SR with a block, SDES, PLI, NACK, REMB) and parses each packet.</summary>
[MemoryDiagnoser]
public class RtcpBenchmarks
{
    private readonly byte[] _compound = BuildCompound();

    [Benchmark]
    public int ParseCompound()
    {
        int found = 0;
        var enumerator = new RtcpCompoundEnumerator(_compound);
        while (enumerator.MoveNext())
        {
            var packet = enumerator.Current;
            switch (enumerator.CurrentHeader.PacketType)
            {
                case RtcpPacketType.SenderReport when RtcpSenderReport.TryParse(packet, out var sr):
                    found += sr.TryGetReportBlock(packet, 0, out _) ? 1 : 0;
                    break;
                case RtcpPacketType.ReceiverReport when RtcpReceiverReport.TryParse(packet, out _):
                case RtcpPacketType.TransportFeedback when RtcpNack.TryParse(packet, out _):
                    found++;
                    break;
                case RtcpPacketType.PayloadSpecificFeedback:
                    found += RtcpPli.TryParse(packet, out _) || RtcpFir.TryParse(packet, out _) || RtcpRemb.TryParse(packet, out _) ? 1 : 0;
                    break;
            }
        }

        return found;
    }

    internal static byte[] SenderReportAndSdes(uint ssrc)
    {
        var packet = new byte[52 + 8];
        packet[0] = 0x81;
        packet[1] = RtcpPacketType.SenderReport;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 12);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        new RtcpReportBlock(0x55667788, 3, 10, 0x12345, 40, 0xABCD, 0x10000).TryWrite(packet.AsSpan(28));
        packet[52] = 0x81;
        packet[53] = RtcpPacketType.SourceDescription;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(54), 1);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(56), ssrc);
        return packet;
    }

    private static byte[] BuildCompound()
    {
        var buffer = new byte[256];
        var first = SenderReportAndSdes(1);
        first.CopyTo(buffer, 0);
        int length = first.Length;
        length += RtcpPli.Write(buffer.AsSpan(length), 1, 2);
        length += RtcpNack.Write(buffer.AsSpan(length), 1, 2, new ushort[] { 10, 11, 15, 40 });
        length += RtcpRemb.Write(buffer.AsSpan(length), 1, 1_500_000, new uint[] { 2, 3 });
        return buffer[..length];
    }
}
