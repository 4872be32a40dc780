namespace ContactCenter.Web;

/// <summary>
/// The host runs from the repository root so that the root <c>appsettings.json</c> and <c>wwwroot/</c>
/// are the ones served: there is no second copy under the project.
/// </summary>
public static class HostPaths
{
    public const string RootMarker = "ContactCenter.sln";

    public static string ResolveContentRoot(string[] args)
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONTACTCENTER_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var found = FindUp(start);
            if (found is not null)
            {
                return found;
            }
        }

        // Published layout: appsettings.json and wwwroot next to the binaries.
        return AppContext.BaseDirectory;
    }

    public static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RootMarker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
