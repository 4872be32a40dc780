namespace ContactCenter.Media.Sdp;

/// <summary>Lookups over an ordered attribute list (names compare case-sensitively, as SDP does).</summary>
internal static class SdpAttributes
{
    public static string? Get(List<SdpAttribute> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value ?? string.Empty;
            }
        }

        return null;
    }

    public static IEnumerable<string> GetAll(List<SdpAttribute> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                yield return attribute.Value ?? string.Empty;
            }
        }
    }

    public static bool Has(List<SdpAttribute> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
