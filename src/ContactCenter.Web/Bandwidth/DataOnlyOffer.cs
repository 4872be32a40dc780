using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// The SDK's first publish offer carries only its data channels (<c>m=application</c>, before any track is added).
/// We do not run SCTP, and the SFU has no media to negotiate, so the door answers it itself by rejecting every
/// m-line (port 0, RFC 3264 §6): the browser then builds no transport at all, and the next offer (with media) is
/// answered by the SFU, which again rejects the data line. The rejected sections still carry ICE and DTLS attributes
/// because older browsers refuse an answer without them; no connection is ever made with them.
/// </summary>
public static class DataOnlyOffer
{
    /// <summary>True when <paramref name="sdp"/> has no audio or video m-line at all (live or rejected).</summary>
    public static bool Matches(string sdp)
    {
        foreach (var raw in sdp.Split('\n'))
        {
            if (raw.StartsWith("m=audio", StringComparison.Ordinal) || raw.StartsWith("m=video", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return sdp.Contains("m=", StringComparison.Ordinal);
    }

    /// <summary>An answer that rejects each m-line of <paramref name="sdp"/>, in order, with its mid.</summary>
    public static string RejectAll(string sdp)
    {
        var answer = new StringBuilder();
        answer.Append("v=0\r\n")
            .Append("o=- ").Append(RandomNumberGenerator.GetInt32(1, int.MaxValue)).Append(" 1 IN IP4 127.0.0.1\r\n")
            .Append("s=-\r\n")
            .Append("t=0 0\r\n");
        var ufrag = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var pwd = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var fingerprint = string.Join(':', RandomNumberGenerator.GetBytes(32).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                var parts = line[2..].Split(' ', 4);
                var formats = parts.Length > 3 ? parts[3] : "0";
                var protocol = parts.Length > 2 ? parts[2] : "UDP/DTLS/SCTP";
                answer.Append("m=").Append(parts[0]).Append(" 0 ").Append(protocol).Append(' ').Append(formats).Append("\r\n")
                    .Append("c=IN IP4 0.0.0.0\r\n")
                    .Append("a=ice-ufrag:").Append(ufrag).Append("\r\n")
                    .Append("a=ice-pwd:").Append(pwd).Append("\r\n")
                    .Append("a=fingerprint:sha-256 ").Append(fingerprint).Append("\r\n")
                    .Append("a=setup:passive\r\n");
            }
            else if (line.StartsWith("a=mid:", StringComparison.Ordinal))
            {
                answer.Append(line).Append("\r\n");
            }
        }

        return answer.ToString();
    }
}
