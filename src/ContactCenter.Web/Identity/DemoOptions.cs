namespace ContactCenter.Web.Identity;

/// <summary>Demo users created on a fresh database (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Create agent@, supervisor@ and admin@demo.local when the database has no user yet.</summary>
    public bool SeedUsers { get; set; } = true;

    /// <summary>A fixed password for all three (tests); empty means a random one each, printed once.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Where the credentials are written for whoever missed the console (relative to the content root). Empty: next
    /// to the SQLite database they belong to (data/demo-credentials.txt by default), else data/ under the content root.
    /// </summary>
    public string? CredentialsFile { get; set; }
}
