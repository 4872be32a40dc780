namespace ContactCenter.Web.Components.Shared;

/// <summary>The states cc-page.js reports to a page through OnMediaState.</summary>
public static class MediaStates
{
    public const string Reconnecting = "reconnecting";
    public const string Flowing = "flowing";
    public const string Failed = "failed";

    /// <summary>Media could not connect within 10 s of joining: a firewall or NAT blocks it (cc-page.js decides).</summary>
    public const string Blocked = "blocked";
}
