namespace ContactCenter.Web.Identity;

/// <summary>The roles of the people who sign in to the UI.</summary>
public static class AppRoles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Agent, Supervisor, Admin];
}
