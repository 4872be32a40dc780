using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Routing;

/// <summary>Records the plain packets the router hands to one endpoint.</summary>
internal class RecordingEndpoint : IMediaEndpoint
{
    public List<byte[]> Rtp { get; } = [];

    public List<byte[]> Rtcp { get; } = [];

    public bool SendRtp(ReadOnlySpan<byte> packet)
    {
        Rtp.Add(packet.ToArray());
        return true;
    }

    public bool SendRtcp(ReadOnlySpan<byte> packet)
    {
        Rtcp.Add(packet.ToArray());
        return true;
    }
}

/// <summary>A subscribe connection without SDP: remembers the offered lines and answers with chosen payload types.</summary>
internal sealed class FakeSubscribeConnection : RecordingEndpoint, ISubscribeConnection
{
    public List<IReadOnlyList<OutgoingLine>> Offers { get; } = [];

    /// <summary>The payload type the "browser" numbers Opus with (111 like Chromium unless a test changes it).</summary>
    public int OpusPayloadType { get; set; } = 111;

    public bool IsConnected { get; set; } = true;

    public bool Closed { get; private set; }

    /// <summary>For each ICE restart, how many offers had been written before it.</summary>
    public List<int> IceRestarts { get; } = [];

    public void RestartIce() => IceRestarts.Add(Offers.Count);

    public string CreateOffer(IReadOnlyList<OutgoingLine> lines)
    {
        Offers.Add(lines);
        return "offer " + Offers.Count;
    }

    public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp)
    {
        if (answerSdp == "bad")
        {
            throw new FormatException("The answer has 3 m-line(s) but the offer had 1 (RFC 3264 §6).");
        }

        var result = new List<IReadOnlyList<NegotiatedCodec>>();
        foreach (var line in Offers[^1])
        {
            result.Add(line.Kind == MediaKind.Audio
                ? [new NegotiatedCodec(OpusPayloadType, "opus", 48000, 2, null, [])]
                : [new NegotiatedCodec(96, "VP8", 90000, null, null, [])]);
        }

        return result;
    }

    public void Close(string reason) => Closed = true;
}

/// <summary>Records what the router tells a participant's signaling.</summary>
internal sealed class RecordingSignal : ISfuSignal
{
    public List<SubscribeOffer> Offers { get; } = [];

    public List<OfferedStream> Available { get; } = [];

    public List<OfferedStream> Unavailable { get; } = [];

    public void SendOffer(SubscribeOffer offer) => Offers.Add(offer);

    public void StreamAvailable(OfferedStream stream) => Available.Add(stream);

    public void StreamUnavailable(OfferedStream stream) => Unavailable.Add(stream);
}

/// <summary>A monotonic clock the test advances by hand (the router rate-limits with timestamps).</summary>
internal sealed class RouterClock : TimeProvider
{
    private long _ticks = 1_000_000;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
