using System.Globalization;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>Transaction identities (RFC 3261 §17.2.3 for servers, §17.1.3 for clients).</summary>
internal static class SipTransactionKeys
{
    /// <summary>
    /// Server key: branch + sent-by + method, with ACK folded onto INVITE so that the ACK for a non-2xx
    /// finds its INVITE transaction. Requests without the RFC 3261 cookie fall back to the RFC 2543
    /// fields (Request-URI, tags, Call-ID, CSeq number, top Via).
    /// </summary>
    public static string? ForServer(SipMessage request)
    {
        var via = request.TopVia;
        var cseq = request.CSeq;
        if (via is null || cseq is null)
        {
            return null;
        }
        var method = request.Method == "ACK" ? "INVITE" : request.Method;
        var branch = via.Branch;
        if (branch is not null && branch.StartsWith(SipVia.BranchCookie, StringComparison.Ordinal))
        {
            return string.Concat(branch, "|", via.SentBy.ToLowerInvariant(), "|", method);
        }
        return string.Join('|', "2543", request.RequestUri, request.FromTag, request.CallId,
            cseq.Value.Number.ToString(CultureInfo.InvariantCulture), via.ToString(), method);
    }

    /// <summary>Client key: the branch we generated plus the CSeq method (RFC 3261 §17.1.3).</summary>
    public static string? ForClient(SipMessage response)
    {
        var branch = response.TopVia?.Branch;
        var cseq = response.CSeq;
        return branch is null || cseq is null ? null : branch + "|" + cseq.Value.Method;
    }
}
