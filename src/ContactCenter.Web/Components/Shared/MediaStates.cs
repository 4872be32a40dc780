namespace ContactCenter.Web.Components.Shared;

/// <summary>The states cc-page.js reports to a page through OnMediaState.</summary>
public static class MediaStates
{
    public const string Reconnecting = "reconnecting";
    public const string Flowing = "flowing";
    public const string Failed = "failed";
}
