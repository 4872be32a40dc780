using ContactCenter.Media.Dtls;

namespace ContactCenter.Media.Peers;

/// <summary>Per-peer choices: what media we accept and which SRTP profiles we allow.</summary>
public sealed record PeerConnectionOptions
{
    /// <summary>Accept audio m-lines (the participant's publish permission).</summary>
    public bool AcceptAudio { get; init; } = true;

    public bool AcceptVideo { get; init; } = true;

    /// <summary>
    /// Also accept H.264 (one payload type: constrained baseline, packetization-mode=1). Off by default: the SFU
    /// forwards without transcoding, so every browser in a call must share the video codec, and VP8 is it.
    /// </summary>
    public bool AcceptH264 { get; init; }

    /// <summary>Keep telephone-event (RFC 4733) when offered.</summary>
    public bool AcceptTelephoneEvent { get; init; } = true;

    /// <summary>We send media on accepted m-lines (the answer says sendrecv/sendonly where the offer allows).</summary>
    public bool Send { get; init; } = true;

    /// <summary>We receive media on accepted m-lines.</summary>
    public bool Receive { get; init; } = true;

    /// <summary>use_srtp profiles we allow, most preferred first (IANA numbers, see <see cref="DtlsSrtpProfiles"/>).</summary>
    public IReadOnlyList<int> SrtpProfiles { get; init; } = DtlsSrtpProfiles.Preferred;

    /// <summary>The msid stream id of what we send; a random one when null.</summary>
    public string? StreamId { get; init; }
}
