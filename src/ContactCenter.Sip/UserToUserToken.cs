namespace ContactCenter.Sip;

/// <summary>
/// Reads the Bandwidth-style participant token from <c>User-To-User</c> (RFC 7433 syntax):
/// <c>{token};encoding=jwt</c>, optionally preceded by <c>{callId};encoding=base64,</c>.
/// </summary>
public static class UserToUserToken
{
    /// <summary>
    /// Finds the jwt-encoded value among the comma-separated UUI values. The base64-labelled value is returned
    /// as written in <paramref name="callId"/> (the host decides how to read it).
    /// </summary>
    public static bool TryExtract(IEnumerable<string> headerValues, out string token, out string? callId)
    {
        token = "";
        callId = null;
        var found = false;
        foreach (var header in headerValues)
        {
            foreach (var item in header.Split(','))
            {
                var parts = item.Split(';');
                var data = parts[0].Trim();
                string? encoding = null;
                for (var i = 1; i < parts.Length; i++)
                {
                    var p = parts[i].Trim();
                    if (p.StartsWith("encoding=", StringComparison.OrdinalIgnoreCase))
                    {
                        encoding = p[9..].Trim().ToLowerInvariant();
                    }
                }
                if (data.Length == 0)
                {
                    continue;
                }
                if (encoding == "jwt" && !found)
                {
                    token = data;
                    found = true;
                }
                else if (encoding == "base64" && callId is null)
                {
                    callId = data;
                }
            }
        }
        return found;
    }
}
