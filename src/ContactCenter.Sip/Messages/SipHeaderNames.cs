namespace ContactCenter.Sip.Messages;

/// <summary>Canonical header names and the compact forms of RFC 3261 §7.3.3 / §20.</summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string Allow = "Allow";
    public const string Accept = "Accept";
    public const string Supported = "Supported";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string RetryAfter = "Retry-After";
    public const string UserToUser = "User-To-User";
    public const string Authorization = "Authorization";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string Reason = "Reason";

    private static readonly Dictionary<string, string> s_canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        // RFC 3261 §7.3.3 compact forms, plus the ones registered later (RFC 3515 r, RFC 3891...).
        ["v"] = Via, ["f"] = From, ["t"] = To, ["i"] = CallId, ["m"] = Contact,
        ["l"] = ContentLength, ["c"] = ContentType, ["k"] = Supported, ["s"] = "Subject",
        ["e"] = "Content-Encoding", ["o"] = "Event", ["r"] = "Refer-To", ["b"] = "Referred-By",
        ["u"] = "Allow-Events", ["x"] = "Session-Expires", ["a"] = "Accept-Contact", ["j"] = "Reject-Contact",
        ["d"] = "Request-Disposition", ["y"] = "Identity",
        [Via] = Via, [From] = From, [To] = To, [CallId] = CallId, [CSeq] = CSeq, [Contact] = Contact,
        [MaxForwards] = MaxForwards, [ContentLength] = ContentLength, [ContentType] = ContentType,
        [Allow] = Allow, [Accept] = Accept, [Supported] = Supported, [UserAgent] = UserAgent, [Server] = Server,
        [RetryAfter] = RetryAfter, [UserToUser] = UserToUser, [Authorization] = Authorization,
        [ProxyAuthorization] = ProxyAuthorization, [WwwAuthenticate] = WwwAuthenticate,
        [ProxyAuthenticate] = ProxyAuthenticate, [Reason] = Reason,
        ["Record-Route"] = "Record-Route", ["Route"] = "Route",
    };

    /// <summary>Maps a compact or differently-cased name to its canonical spelling; unknown names are kept as sent.</summary>
    public static string Canonicalize(string name) => s_canonical.TryGetValue(name, out var canonical) ? canonical : name;
}
