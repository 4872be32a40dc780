using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Web.Signaling;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Media;

/// <summary>
/// Short-lived TURN credentials in coturn's <c>use-auth-secret</c> scheme (the TURN REST API draft,
/// draft-uberti-behave-turn-rest-00 §2.2): username = expiry as Unix seconds, a colon and our participant id;
/// credential = base64(HMAC-SHA1(secret, username)). coturn recomputes the HMAC and refuses an expired timestamp,
/// so nothing is shared with it but the secret.
/// </summary>
public sealed class TurnCredentialIssuer
{
    private readonly TurnOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _urls;
    private readonly byte[] _key;

    public TurnCredentialIssuer(IOptions<TurnOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _urls = _options.UrlList;
        _key = Encoding.UTF8.GetBytes(_options.Secret ?? string.Empty);
    }

    /// <summary>Whether TURN is configured.</summary>
    public bool Enabled => _urls.Count > 0;

    /// <summary>The ICE servers for one browser: none without TURN, else one entry with every URL.</summary>
    public IReadOnlyList<IceServerDto> IssueFor(string participantId)
    {
        if (!Enabled)
        {
            return [];
        }

        var expiry = _time.GetUtcNow().ToUnixTimeSeconds() + _options.TtlSeconds;
        var username = Username(expiry, participantId);
        return [new IceServerDto(_urls, username, Credential(_key, username))];
    }

    /// <summary>The username: expiry (Unix seconds), and the id after a colon (coturn keeps it only for its logs).</summary>
    public static string Username(long expiryUnixSeconds, string? id) =>
        string.IsNullOrEmpty(id)
            ? expiryUnixSeconds.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{expiryUnixSeconds}:{id}");

    /// <summary>base64(HMAC-SHA1(secret, username)), the password coturn expects for that username.</summary>
    public static string Credential(ReadOnlySpan<byte> secret, string username)
    {
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, Encoding.UTF8.GetBytes(username), mac);
        return Convert.ToBase64String(mac);
    }
}
