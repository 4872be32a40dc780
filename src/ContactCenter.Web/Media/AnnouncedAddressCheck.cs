using System.Net;

namespace ContactCenter.Web.Media;

/// <summary>
/// The start-up check of <c>Media:AnnouncedAddress</c> against <c>Urls</c>: pages served to other machines while
/// media is announced only on loopback give every remote browser a call without audio.
/// </summary>
public static class AnnouncedAddressCheck
{
    /// <summary>The warning to log, or null when the announced addresses suit the URLs the host serves.</summary>
    public static string? Warning(IReadOnlyList<IPAddress> announced, string? urls)
    {
        if (announced.Count == 0 || !announced.All(IPAddress.IsLoopback))
        {
            return null;
        }

        var remote = RemoteUrls(urls);
        if (remote.Count == 0)
        {
            return null;
        }

        return $"Media is announced only on loopback ({string.Join(", ", announced)}) but the pages are served on "
            + $"{string.Join(", ", remote)}: browsers on other machines will connect without audio. Set Media:AnnouncedAddress "
            + "to the address(es) they reach this server on (and Media:ListenAddress, e.g. 0.0.0.0).";
    }

    /// <summary>The entries of <paramref name="urls"/> (semicolon-separated, as ASP.NET Core takes them) whose host is not loopback.</summary>
    public static IReadOnlyList<string> RemoteUrls(string? urls)
    {
        var remote = new List<string>();
        if (string.IsNullOrWhiteSpace(urls))
        {
            return remote;
        }

        foreach (var entry in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = Host(entry);
            if (host is null)
            {
                continue;
            }

            bool loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
            {
                remote.Add(entry);
            }
        }

        return remote;
    }

    private static string? Host(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var rest = url[(scheme + 3)..];
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? null : rest[1..close];
        }

        int end = rest.IndexOfAny([':', '/']);
        return end < 0 ? rest : rest[..end];
    }
}
