namespace ContactCenter.Web.Api;

internal static class ApiPaths
{
    public const string Prefix = "/v1";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
