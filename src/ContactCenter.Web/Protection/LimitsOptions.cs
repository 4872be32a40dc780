using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Web.Protection;

/// <summary>
/// <c>Limits</c>: what one client can make the server hold or do. The defaults fit the pages, our SDK, the Bandwidth
/// SDK and any sane REST client; a load test or a very busy integration raises the rates.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Largest REST (<c>/v1</c>) request body: JSON of a session, participant, subscriptions or mode.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long RestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest request body anywhere else (the sign-in form, SignalR long polling).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long OtherBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest SignalR message a client may send to <c>/hubs/rtc</c> (an SDP offer with its streams).</summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int HubMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest JSON-RPC message on <c>/v3</c>. The Bandwidth SDK's <c>deviceDiagnostics</c> notifications carry
    /// batches of WebRTC stats and are much larger than its SDP, so this stays at a megabyte.
    /// </summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int DeviceMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>REST requests per second per API credential (or per address without one), token bucket.</summary>
    [Range(1, 1_000_000)]
    public int RestPerSecond { get; set; } = 100;

    /// <summary>REST burst: how many requests one credential may send at once before the per-second rate applies.</summary>
    [Range(1, 1_000_000)]
    public int RestBurst { get; set; } = 400;

    /// <summary>Basic-auth failures per minute per username before its uncached checks are refused with 429.</summary>
    [Range(1, 1_000_000)]
    public int AuthFailuresPerCredentialPerMinute { get; set; } = 20;

    /// <summary>Basic-auth failures per minute per client address before its uncached checks are refused with 429.</summary>
    [Range(1, 1_000_000)]
    public int AuthFailuresPerAddressPerMinute { get; set; } = 30;

    /// <summary>Staff sign-in form posts per <see cref="SignInWindowSeconds"/> per client address.</summary>
    [Range(1, 1_000_000)]
    public int SignInsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Staff sign-in form posts per <see cref="SignInWindowSeconds"/> per email (user).</summary>
    [Range(1, 1_000_000)]
    public int SignInsPerUserPerMinute { get; set; } = 12;

    /// <summary>The window of the two sign-in limits (a minute; shorter only in tests).</summary>
    [Range(1, 3600)]
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>Calls started from <c>/call</c> per minute per client address.</summary>
    [Range(1, 1_000_000)]
    public int CallStartsPerAddressPerMinute { get; set; } = 10;

    /// <summary>How long a successful Basic-auth check is remembered (an HMAC of the secret under a per-process key).</summary>
    [Range(0, 3600)]
    public int VerifiedCredentialSeconds { get; set; } = 60;

    /// <summary>
    /// Most m-lines a client's publish offer may have (hub <c>Publish</c>, <c>/v3</c> <c>offerSdp</c>). Counted on the
    /// text before anything parses it. A browser's publish offer has one per track it sends (plus a data channel and
    /// the recycled lines of stopped tracks); answers to our subscribe offers are held to the offer's count instead.
    /// </summary>
    [Range(1, 1024)]
    public int SdpMediaLines { get; set; } = 32;

    /// <summary>
    /// Signaling connections (hub or <c>/v3</c>) one participant may hold open at once. Each holds at most a publish
    /// and a subscribe peer, and only the newest one is served by the SFU; the rest only wait to be closed, so a few
    /// cover reconnects whose old connection the server has not noticed closing yet.
    /// </summary>
    [Range(1, 100)]
    public int SignalingConnectionsPerParticipant { get; set; } = 4;
}
