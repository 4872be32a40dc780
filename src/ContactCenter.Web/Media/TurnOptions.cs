namespace ContactCenter.Web.Media;

/// <summary>
/// The coturn relay handed to browsers (<c>Media:Turn</c>). Empty <see cref="Urls"/> means no TURN: browsers get
/// no ICE servers, as before. coturn must run with <c>use-auth-secret</c> and <c>static-auth-secret</c> equal to
/// <see cref="Secret"/>.
/// </summary>
public sealed class TurnOptions
{
    public const string SectionName = "Media:Turn";

    /// <summary>
    /// The relay's URLs as browsers should use them, separated by commas or spaces, e.g.
    /// <c>turn:turn.example.com:3478?transport=udp, turns:turn.example.com:443?transport=tcp</c>.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>coturn's <c>static-auth-secret</c>: the HMAC key of the short-lived credentials.</summary>
    public string? Secret { get; set; }

    /// <summary>How long a handed-out credential can open an allocation; one day by default (longer than a shift).</summary>
    public int TtlSeconds { get; set; } = 86400;

    /// <summary>The URLs, split and trimmed.</summary>
    public IReadOnlyList<string> UrlList =>
        string.IsNullOrWhiteSpace(Urls) ? [] : Urls.Split([',', ' ', ';', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem()
    {
        var urls = UrlList;
        if (urls.Count == 0)
        {
            return null;
        }

        foreach (var url in urls)
        {
            if (!url.StartsWith("turn:", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("turns:", StringComparison.OrdinalIgnoreCase)
                && !url.StartsWith("stun:", StringComparison.OrdinalIgnoreCase))
            {
                return $"Media:Turn:Urls entry '{url}' must start with turn:, turns: or stun:.";
            }
        }

        if (string.IsNullOrEmpty(Secret))
        {
            return "Media:Turn:Secret must be set when Media:Turn:Urls is (coturn's static-auth-secret).";
        }

        return TtlSeconds is < 60 or > 7 * 86400 ? "Media:Turn:TtlSeconds must be 60-604800." : null;
    }
}
