using System.Buffers.Binary;

namespace ContactCenter.Sip.Media;

/// <summary>
/// Turns RFC 4733 telephone-event payloads into digits, once per event. An event is identified by its
/// RTP timestamp (§2.5.1.2: every packet of one event carries the event's start timestamp). The digit is
/// raised on the first end-bit packet; the redundant end packets (§2.5.1.4, usually three) that follow
/// are ignored. If an event's end packets are all lost, it is raised when the next event starts.
/// </summary>
public sealed class DtmfReceiver
{
    private const string Digits = "0123456789*#ABCD";
    private readonly Action<char, int> _onDigit;
    private (uint Timestamp, byte Event)? _pending;
    private (uint Timestamp, byte Event)? _lastRaised;

    /// <param name="onDigit">Digit and duration in RTP timestamp units (8 kHz samples).</param>
    public DtmfReceiver(Action<char, int> onDigit) => _onDigit = onDigit;

    public void Process(uint timestamp, ReadOnlySpan<byte> payload)
    {
        // RFC 4733 §2.3: event (8) | E | R | volume (6) | duration (16).
        if (payload.Length < 4 || payload[0] >= Digits.Length)
        {
            return;
        }
        var key = (timestamp, payload[0]);
        var end = (payload[1] & 0x80) != 0;
        var duration = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        if (_lastRaised == key)
        {
            return;
        }
        if (_pending is { } pending && pending != key)
        {
            Raise(pending, 0);
        }
        if (end)
        {
            Raise(key, duration);
        }
        else
        {
            _pending = key;
        }
    }

    private void Raise((uint Timestamp, byte Event) key, int duration)
    {
        _pending = null;
        _lastRaised = key;
        _onDigit(Digits[key.Event], duration);
    }
}
