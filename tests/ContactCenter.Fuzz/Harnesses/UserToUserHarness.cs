using System.Text;
using ContactCenter.Sip;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// The User-To-User token reader (RFC 7433 syntax): the input, decoded as UTF-8, is one or more header values,
/// one per line, as <c>SipMessage.GetHeaders("User-To-User")</c> hands them over.
/// </summary>
internal static class UserToUserHarness
{
    public static bool Run(ReadOnlySpan<byte> input)
    {
        var values = Encoding.UTF8.GetString(input).Split('\n');
        return UserToUserToken.TryExtract(values, out _, out _);
    }
}
