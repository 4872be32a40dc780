using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ContactCenter.Core.CallModes;

namespace ContactCenter.Web.Api;

/// <summary>Wire names of <see cref="CallMode"/>: camelCase ("groupWhisper"); parsing ignores case, '-' and '_'.</summary>
internal static class CallModeNames
{
    public static string ToWire(CallMode mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());

    public static bool TryParse(string? name, [NotNullWhen(true)] out CallMode? mode)
    {
        mode = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var compact = name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        foreach (var candidate in Enum.GetValues<CallMode>())
        {
            if (string.Equals(candidate.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        return false;
    }

    public static string All => string.Join(", ", Enum.GetValues<CallMode>().Select(ToWire));
}
