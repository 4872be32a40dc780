using System.Text.Json.Serialization;

namespace ContactCenter.Web.Ui;

/// <summary>cc-page.js's answer to mediaState(): whether media is connected and what the local devices do.</summary>
public sealed record MediaDeviceState(
    [property: JsonPropertyName("connected")] bool Connected,
    [property: JsonPropertyName("microphoneMuted")] bool MicrophoneMuted,
    [property: JsonPropertyName("camera")] bool Camera,
    [property: JsonPropertyName("screenShare")] bool ScreenShare);
