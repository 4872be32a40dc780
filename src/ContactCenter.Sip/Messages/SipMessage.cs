using System.Globalization;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// A SIP request or response (RFC 3261 §7). Headers keep their order; names are canonical
/// (compact forms expanded) and compared case-insensitively. Comma-separated Via values are split
/// into one entry per Via so that the topmost Via is always <c>Headers</c>' first Via.
/// </summary>
public sealed class SipMessage
{
    private readonly List<SipHeader> _headers = [];

    private SipMessage(bool isRequest) => IsRequest = isRequest;

    public bool IsRequest { get; }
    public string Method { get; private init; } = "";
    public string RequestUri { get; private init; } = "";
    public int StatusCode { get; private init; }
    public string ReasonPhrase { get; private init; } = "";
    public byte[] Body { get; set; } = [];
    public IReadOnlyList<SipHeader> Headers => _headers;

    public static SipMessage CreateRequest(string method, string requestUri) =>
        new(true) { Method = method, RequestUri = requestUri };

    public static SipMessage CreateResponse(int statusCode, string reasonPhrase) =>
        new(false) { StatusCode = statusCode, ReasonPhrase = reasonPhrase };

    public string? CallId => GetHeader(SipHeaderNames.CallId);
    public string? From => GetHeader(SipHeaderNames.From);
    public string? To => GetHeader(SipHeaderNames.To);

    /// <summary>The topmost Via, parsed; null when absent or malformed.</summary>
    public SipVia? TopVia => SipVia.TryParse(GetHeader(SipHeaderNames.Via), out var via) ? via : null;

    public SipCSeq? CSeq => SipCSeq.TryParse(GetHeader(SipHeaderNames.CSeq), out var cseq) ? cseq : null;

    public string? FromTag => SipNameAddr.TryParse(From, out var a) ? a.Tag : null;
    public string? ToTag => SipNameAddr.TryParse(To, out var a) ? a.Tag : null;

    /// <summary>First value of a header; the name may be compact ("i") or any case.</summary>
    public string? GetHeader(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        foreach (var h in _headers)
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return h.Value;
            }
        }
        return null;
    }

    public IEnumerable<string> GetHeaders(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        foreach (var h in _headers)
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return h.Value;
            }
        }
    }

    public SipMessage AddHeader(string name, string value)
    {
        _headers.Add(new SipHeader(SipHeaderNames.Canonicalize(name), value));
        return this;
    }

    /// <summary>Replaces only the topmost Via (used to stamp received/rport, RFC 3261 §18.2.1, RFC 3581 §4).</summary>
    public void ReplaceTopVia(string value)
    {
        var index = _headers.FindIndex(h => h.Name == SipHeaderNames.Via);
        if (index >= 0)
        {
            _headers[index] = new SipHeader(SipHeaderNames.Via, value);
        }
    }

    /// <summary>
    /// Builds a response to this request (RFC 3261 §8.2.6.2): Via list, From, To (tag added when given
    /// and absent), Call-ID and CSeq copied.
    /// </summary>
    public SipMessage CreateResponseTo(int statusCode, string reasonPhrase, string? toTag = null)
    {
        var response = CreateResponse(statusCode, reasonPhrase);
        foreach (var h in _headers)
        {
            if (h.Name == SipHeaderNames.Via || h.Name == SipHeaderNames.From || h.Name == SipHeaderNames.CallId
                || h.Name == SipHeaderNames.CSeq || h.Name == "Record-Route")
            {
                response._headers.Add(h);
            }
            else if (h.Name == SipHeaderNames.To)
            {
                var to = h.Value;
                // A 100 Trying never gets a tag (RFC 3261 §8.2.6.2).
                if (toTag is not null && statusCode > 100 && SipNameAddr.TryParse(to, out var addr) && addr.Tag is null)
                {
                    to = to + ";tag=" + toTag;
                }
                response._headers.Add(new SipHeader(SipHeaderNames.To, to));
            }
        }
        return response;
    }

    public override string ToString() => IsRequest
        ? $"{Method} {RequestUri}"
        : string.Create(CultureInfo.InvariantCulture, $"{StatusCode} {ReasonPhrase}");
}
