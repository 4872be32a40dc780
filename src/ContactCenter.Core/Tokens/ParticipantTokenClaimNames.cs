namespace ContactCenter.Core.Tokens;

/// <summary>The claims of a participant token.</summary>
public static class ParticipantTokenClaimNames
{
    /// <summary>The participant id.</summary>
    public const string Subject = "sub";

    /// <summary>The account the participant belongs to.</summary>
    public const string Account = "acc";

    /// <summary>The session the participant was in when the token was issued (absent when none).</summary>
    public const string Session = "ses";

    /// <summary>The device API version ("V2" or "V3"); the official Bandwidth SDK speaks protocol v3 only when it reads "V3" here, else v2.</summary>
    public const string DeviceApiVersion = "v";
}
