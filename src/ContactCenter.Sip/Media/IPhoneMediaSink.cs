namespace ContactCenter.Sip.Media;

/// <summary>
/// Integration seam toward the SFU (implemented by the host): receives the phone's RTP so it can be
/// published as the phone participant's <see cref="PhoneStreams.MicrophoneAlias"/> stream and forwarded
/// as G.711 to subscribers. Called on the leg's receive loop; the span is only valid during the call.
/// </summary>
public interface IPhoneMediaSink
{
    /// <summary>One audio RTP packet from the phone (telephone-event packets are not forwarded).</summary>
    void OnPhoneRtp(string legId, ReadOnlySpan<byte> rtpPacket);
}
