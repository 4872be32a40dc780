using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.Media;

/// <summary>
/// Browsers → phone. Takes the Opus RTP payloads of every browser stream the phone participant is
/// subscribed to, and every 20 ms (<see cref="Tick"/>) decodes them, mixes, encodes G.711 and hands one
/// frame to the sender. By default libopus decodes straight to 8 kHz (its decoder band-limits before
/// decimating, and it is the cheapest path); with a 48 kHz mix rate the mix is decimated by
/// <see cref="Resampler48To8"/> instead. Which streams are in the mix is the SFU's decision
/// (<see cref="SetStreams"/>): call modes such as whisper stay correct because a supervisor's stream is
/// simply never added for a customer phone. The phone's own stream is excluded even if it were added.
/// </summary>
public sealed class PhoneBridge : IDisposable
{
    private readonly object _lock = new();
    private readonly IPhoneAudioSender _sender;
    private volatile G711Codec _codec;
    private readonly string? _ownStreamKey;
    private readonly bool _suppressSilence;
    private readonly int _mixRate;
    private readonly Resampler48To8? _resampler;
    private readonly int[] _accumulator;
    private readonly short[] _mix;
    private readonly short[] _mix8 = new short[160];
    private readonly byte[] _g711 = new byte[160];
    private Snapshot _current = Snapshot.Empty;

    /// <param name="sender">Usually the call's <see cref="RtpLeg"/>.</param>
    /// <param name="codec">The codec negotiated with the phone.</param>
    /// <param name="ownStreamKey">The phone's own published stream key, never mixed back to it.</param>
    /// <param name="suppressSilence">Send nothing while nobody speaks (else send encoded silence).</param>
    /// <param name="mixSampleRate">8000 (decode at phone rate) or 48000 (decode full band, mix, then resample).</param>
    public PhoneBridge(IPhoneAudioSender sender, G711Codec codec, string? ownStreamKey = null, bool suppressSilence = false,
        int mixSampleRate = 8000)
    {
        if (mixSampleRate is not (8000 or 48000))
        {
            throw new ArgumentOutOfRangeException(nameof(mixSampleRate), "The mix runs at 8000 or 48000 Hz.");
        }
        _mixRate = mixSampleRate;
        _resampler = mixSampleRate == 48000 ? new Resampler48To8() : null;
        _accumulator = new int[mixSampleRate / 50];
        _mix = new short[mixSampleRate / 50];
        _sender = sender;
        _codec = codec;
        _ownStreamKey = ownStreamKey;
        _suppressSilence = suppressSilence;
    }

    public long Ticks { get; private set; }

    /// <summary>The codec toward the phone; changes only when a late SDP answer settles it.</summary>
    public G711Codec Codec
    {
        get => _codec;
        set => _codec = value;
    }
    public IReadOnlyCollection<string> StreamKeys
    {
        get
        {
            lock (_lock)
            {
                return [.. _current.ByKey.Keys];
            }
        }
    }

    /// <summary>Replaces the set of streams in the mix (copy-on-write: ticks in flight keep the old set).</summary>
    public void SetStreams(IEnumerable<string> streamKeys)
    {
        lock (_lock)
        {
            var next = new Dictionary<string, OpusStreamInput>(StringComparer.Ordinal);
            foreach (var key in streamKeys)
            {
                if (string.Equals(key, _ownStreamKey, StringComparison.Ordinal) || next.ContainsKey(key))
                {
                    continue;
                }
                next[key] = _current.ByKey.TryGetValue(key, out var existing) ? existing : new OpusStreamInput(key, _mixRate);
            }
            foreach (var (key, input) in _current.ByKey)
            {
                if (!next.ContainsKey(key))
                {
                    // SafeHandle reference counting keeps a tick already decoding on this input safe.
                    input.Dispose();
                }
            }
            _current = new Snapshot(next, [.. next.Values], new MixerInput[next.Count]);
        }
    }

    public void AddStream(string streamKey)
    {
        lock (_lock)
        {
            SetStreams([.. _current.ByKey.Keys, streamKey]);
        }
    }

    public void RemoveStream(string streamKey)
    {
        lock (_lock)
        {
            SetStreams(_current.ByKey.Keys.Where(k => k != streamKey).ToArray());
        }
    }

    /// <summary>One Opus RTP payload of a browser stream (already SRTP-unprotected by the SFU). Unknown streams are ignored.</summary>
    public void PushOpus(string streamKey, ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (_current.ByKey.TryGetValue(streamKey, out var input))
        {
            input.Push(sequenceNumber, payload);
        }
    }

    /// <summary>One whole Opus RTP packet of a browser stream (unprotected); malformed packets are ignored.</summary>
    public void PushOpusRtp(string streamKey, ReadOnlySpan<byte> rtpPacket)
    {
        if (RtpPacket.TryParse(rtpPacket, out var rtp))
        {
            PushOpus(streamKey, rtp.SequenceNumber, rtp.Timestamp, rtpPacket.Slice(rtp.PayloadOffset, rtp.PayloadLength));
        }
    }

    /// <summary>Produces and sends one 20 ms frame. Called by a single clock; not re-entrant.</summary>
    public void Tick()
    {
        var snapshot = _current;
        var inputs = snapshot.Inputs;
        var mixerInputs = snapshot.MixerInputs;
        for (var i = 0; i < inputs.Length; i++)
        {
            try
            {
                inputs[i].Pull();
            }
            catch (ObjectDisposedException)
            {
                // Removed by SetStreams during this tick: it simply contributes nothing.
            }
            mixerInputs[i] = new MixerInput(inputs[i].Key, inputs[i].Frame, inputs[i].HasAudio);
        }
        var mixed = AudioMixer.Mix(mixerInputs, _ownStreamKey, _accumulator, _mix);
        Ticks++;
        if (mixed == 0 && _suppressSilence)
        {
            _sender.SkipAudio(_g711.Length);
            return;
        }
        var pcm8 = _mix;
        if (_resampler is not null)
        {
            _resampler.Process(_mix, _mix8);
            pcm8 = _mix8;
        }
        if (_codec == G711Codec.Pcmu)
        {
            G711.EncodeMuLaw(pcm8, _g711);
        }
        else
        {
            G711.EncodeALaw(pcm8, _g711);
        }
        _sender.SendAudio(_g711);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var input in _current.Inputs)
            {
                input.Dispose();
            }
            _current = Snapshot.Empty;
        }
    }

    private sealed record Snapshot(Dictionary<string, OpusStreamInput> ByKey, OpusStreamInput[] Inputs, MixerInput[] MixerInputs)
    {
        public static readonly Snapshot Empty = new(new Dictionary<string, OpusStreamInput>(StringComparer.Ordinal), [], []);
    }
}
