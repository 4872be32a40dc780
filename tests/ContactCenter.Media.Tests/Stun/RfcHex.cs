namespace ContactCenter.Media.Tests;

/// <summary>Turns RFC-style hex dumps (any whitespace) into bytes.</summary>
internal static class RfcHex
{
    public static byte[] Parse(string text)
    {
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                digits.Append(c);
            }
        }

        return Convert.FromHexString(digits.ToString());
    }
}
