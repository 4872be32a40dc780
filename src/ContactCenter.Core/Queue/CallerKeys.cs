namespace ContactCenter.Core.Queue;

/// <summary>
/// How a caller is recognised across calls, so that the agent's desk can show the caller's earlier calls: a phone
/// caller by its number (<c>tel:+15550100</c>, digits and a leading plus only), a web caller by the random id its
/// browser keeps (<c>web:…</c>). Anything else gives no key (no history), never a guess from a name.
/// </summary>
public static class CallerKeys
{
    public const int MaxBrowserIdLength = 64;

    /// <summary>The key of a phone number ("+1 555-0100" → "tel:+15550100"); null when it has no digits.</summary>
    public static string? ForPhone(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var trimmed = number.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is 0 or > 32 || trimmed.Any(c => char.IsAsciiLetter(c)))
        {
            return null;
        }

        return "tel:" + (trimmed.StartsWith('+') ? "+" : "") + digits;
    }

    /// <summary>The key of a browser id (16 to 64 letters, digits, '-' or '_'); null otherwise.</summary>
    public static string? ForBrowser(string? browserId)
    {
        if (browserId is null || browserId.Length is < 16 or > MaxBrowserIdLength
            || !browserId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        return "web:" + browserId;
    }
}
