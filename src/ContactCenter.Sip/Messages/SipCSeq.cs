using System.Globalization;

namespace ContactCenter.Sip.Messages;

/// <summary>CSeq (RFC 3261 §20.16): a 32-bit sequence number and the request method.</summary>
public readonly record struct SipCSeq(uint Number, string Method)
{
    public static bool TryParse(string? value, out SipCSeq cseq)
    {
        cseq = default;
        if (value is null)
        {
            return false;
        }
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !SipGrammar.IsToken(parts[1]))
        {
            return false;
        }
        cseq = new SipCSeq(n, parts[1]);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number} {Method}");
}
