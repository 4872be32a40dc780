namespace ContactCenter.E2E.Media;

/// <summary>
/// What the page's <c>echoStats()</c> reads from RTCPeerConnection.getStats(). Playwright fills it through a
/// parameterless constructor and setters.
/// </summary>
public sealed class EchoStats
{
    public string State { get; set; } = string.Empty;

    public string IceState { get; set; } = string.Empty;

    public double AudioBytesReceived { get; set; }

    public double VideoFramesDecoded { get; set; }

    public string SrtpCipher { get; set; } = string.Empty;

    public string DtlsCipher { get; set; } = string.Empty;

    public string DtlsRole { get; set; } = string.Empty;

    public override string ToString() =>
        $"state={State} ice={IceState} audioBytes={AudioBytesReceived} videoFrames={VideoFramesDecoded} srtp={SrtpCipher} dtls={DtlsCipher} role={DtlsRole}";
}
