using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Trunk admission: the source address must be in a trunk's allow-list; if that trunk has credentials, the
/// request must also carry a valid Digest response (RFC 2617 / RFC 7616 §3.4, MD5, qop=auth or none).
/// Nonces are timestamp + HMAC under a per-process key, valid for five minutes, and single-use: a nonce whose
/// response was accepted once is answered with a fresh challenge (stale=true) if it comes again, so a captured
/// INVITE cannot be replayed. Each call authenticates afresh, so the nonce count (nc) never needs to grow.
/// </summary>
public sealed class SipTrunkAuthenticator
{
    private static readonly TimeSpan s_nonceLifetime = TimeSpan.FromMinutes(5);
    private readonly List<(SipTrunkOptions Trunk, IpNetwork[] Networks)> _trunks = [];
    private readonly string _realm;
    private readonly TimeProvider _time;
    private readonly byte[] _nonceKey = RandomNumberGenerator.GetBytes(32);
    private readonly UsedNonces _used;

    public SipTrunkAuthenticator(SipOptions options, TimeProvider time)
    {
        _realm = options.Realm;
        _time = time;
        _used = new UsedNonces(time, s_nonceLifetime, Math.Max(1, options.MaxTrackedNonces));
        foreach (var trunk in options.Trunks)
        {
            var networks = new List<IpNetwork>();
            foreach (var text in trunk.Addresses)
            {
                if (!IpNetwork.TryParse(text, out var network))
                {
                    throw new ArgumentException($"Trunk '{trunk.Name}': '{text}' is not an IP address or CIDR block.");
                }
                networks.Add(network);
            }
            _trunks.Add((trunk, networks.ToArray()));
        }
    }

    public SipTrunkOptions? MatchSource(IPAddress source)
    {
        foreach (var (trunk, networks) in _trunks)
        {
            foreach (var n in networks)
            {
                if (n.Contains(source))
                {
                    return trunk;
                }
            }
        }
        return null;
    }

    public TrunkCheckResult Check(SipMessage request, IPAddress source)
    {
        var trunk = MatchSource(source);
        if (trunk is null)
        {
            return new TrunkCheckResult(TrunkCheckOutcome.UnknownSource, null);
        }
        if (trunk.Username is null)
        {
            return new TrunkCheckResult(TrunkCheckOutcome.Allowed, trunk);
        }
        var (status, challengeName, credentialsName) = trunk.UseProxyChallenge
            ? (407, SipHeaderNames.ProxyAuthenticate, SipHeaderNames.ProxyAuthorization)
            : (401, SipHeaderNames.WwwAuthenticate, SipHeaderNames.Authorization);
        var stale = false;
        foreach (var value in request.GetHeaders(credentialsName))
        {
            var verdict = Verify(value, request.Method, trunk);
            if (verdict == DigestVerdict.Valid)
            {
                return new TrunkCheckResult(TrunkCheckOutcome.Allowed, trunk);
            }
            stale |= verdict == DigestVerdict.Stale;
        }
        var challenge = $"Digest realm=\"{_realm}\", nonce=\"{NewNonce()}\", algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=true" : "");
        return new TrunkCheckResult(TrunkCheckOutcome.Challenge, trunk, status, challengeName, challenge);
    }

    private enum DigestVerdict
    {
        Invalid,
        Stale,
        Valid,
    }

    private DigestVerdict Verify(string header, string method, SipTrunkOptions trunk)
    {
        if (!header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return DigestVerdict.Invalid;
        }
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in SipParameters.SplitOutsideQuotes(header.AsSpan(7), ','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
            }
        }
        string Get(string name) => fields.TryGetValue(name, out var v) ? v : "";
        if (Get("username") != trunk.Username || Get("realm") != _realm
            || (fields.ContainsKey("algorithm") && !Get("algorithm").Equals("MD5", StringComparison.OrdinalIgnoreCase)))
        {
            return DigestVerdict.Invalid;
        }
        var nonce = Get("nonce");
        var nonceState = CheckNonce(nonce, out var issued);
        if (nonceState == DigestVerdict.Invalid)
        {
            return DigestVerdict.Invalid;
        }
        // RFC 2617 §3.2.2.1-3: HA1 = MD5(user:realm:password), HA2 = MD5(method:uri).
        var ha1 = Md5Hex($"{trunk.Username}:{_realm}:{trunk.Password}");
        var ha2 = Md5Hex($"{method}:{Get("uri")}");
        var qop = Get("qop");
        var expected = qop.Length == 0
            ? Md5Hex($"{ha1}:{nonce}:{ha2}")
            : Md5Hex($"{ha1}:{nonce}:{Get("nc")}:{Get("cnonce")}:{qop}:{ha2}");
        var match = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected),
            Encoding.ASCII.GetBytes(Get("response").ToLowerInvariant()));
        if (!match)
        {
            return DigestVerdict.Invalid;
        }
        // A right answer to a nonce answered before is a replay: re-challenge as stale (RFC 7616 §3.3).
        return nonceState == DigestVerdict.Valid && !_used.TryConsume(nonce, issued) ? DigestVerdict.Stale : nonceState;
    }

    /// <summary>Exposed for tests: computes the client side of the digest.</summary>
    internal static string ComputeResponse(string user, string realm, string password, string method, string uri,
        string nonce, string? nc, string? cnonce, string? qop)
    {
        var ha1 = Md5Hex($"{user}:{realm}:{password}");
        var ha2 = Md5Hex($"{method}:{uri}");
        return qop is null ? Md5Hex($"{ha1}:{nonce}:{ha2}") : Md5Hex($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    private string NewNonce()
    {
        Span<byte> data = stackalloc byte[8 + 16];
        BinaryPrimitives.WriteInt64BigEndian(data, _time.GetUtcNow().UtcTicks);
        HMACSHA256.HashData(_nonceKey, data[..8]).AsSpan(0, 16).CopyTo(data[8..]);
        return Convert.ToHexStringLower(data);
    }

    private DigestVerdict CheckNonce(string nonce, out DateTimeOffset issued)
    {
        issued = default;
        if (nonce.Length != 48)
        {
            return DigestVerdict.Invalid;
        }
        byte[] data;
        try
        {
            data = Convert.FromHexString(nonce);
        }
        catch (FormatException)
        {
            return DigestVerdict.Invalid;
        }
        var mac = HMACSHA256.HashData(_nonceKey, data.AsSpan(0, 8));
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, 16), data.AsSpan(8, 16)))
        {
            return DigestVerdict.Invalid;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(data);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return DigestVerdict.Invalid;
        }
        issued = new DateTimeOffset(ticks, TimeSpan.Zero);
        return _time.GetUtcNow() - issued > s_nonceLifetime ? DigestVerdict.Stale : DigestVerdict.Valid;
    }

    private static string Md5Hex(string text)
    {
#pragma warning disable CA5351 // MD5 is what SIP digest (RFC 2617) mandates; it is not used for anything else.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }
}
