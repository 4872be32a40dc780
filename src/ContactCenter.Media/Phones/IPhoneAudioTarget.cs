namespace ContactCenter.Media.Phones;

/// <summary>
/// Where a phone participant's received streams go (the host's Opus → G.711 bridge). Called from the router:
/// <see cref="SetStreams"/> under its lock (must not block or call back), <see cref="OnOpusRtp"/> on the
/// forwarding path of the publisher's packet (must not keep the span).
/// </summary>
public interface IPhoneAudioTarget
{
    /// <summary>Exactly the audio streams the phone receives now (stream ids); anything else is out of the mix.</summary>
    void SetStreams(IReadOnlyList<string> streamKeys);

    /// <summary>One Opus RTP packet of stream <paramref name="streamKey"/> (already unprotected).</summary>
    void OnOpusRtp(string streamKey, ReadOnlySpan<byte> rtpPacket);
}
