namespace ContactCenter.Sip.Media;

/// <summary>Where the bridge puts each 20 ms G.711 frame for the phone; <see cref="RtpLeg"/> implements it.</summary>
public interface IPhoneAudioSender
{
    /// <summary>Sends one frame (160 bytes = 20 ms at 8 kHz) as the next RTP packet.</summary>
    void SendAudio(ReadOnlySpan<byte> g711Payload);

    /// <summary>Lets one frame's worth of time pass without sending (silence suppression): the next packet gets the marker bit.</summary>
    void SkipAudio(int samples);
}
