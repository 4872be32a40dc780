using System.Security.Cryptography;
using System.Text;
using ContactCenter.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Identity;

/// <summary>
/// Makes sure the three roles exist and, on a database without any user, creates one demo user per role. Their
/// passwords are random unless <see cref="DemoOptions.Password"/> is set, printed once to the console and written
/// to demo-credentials.txt next to the SQLite database (the git-ignored data/ folder by default).
/// </summary>
internal sealed partial class DemoUserSeeder : IContactCenterSeeder
{
    public const string Domain = "demo.local";
    public const string FileName = "demo-credentials.txt";

    private readonly UserManager<IdentityUser> _users;
    private readonly RoleManager<IdentityRole> _roles;
    private readonly DemoOptions _options;
    private readonly IHostEnvironment _environment;
    private readonly DatabaseSettings _database;
    private readonly ILogger<DemoUserSeeder> _logger;

    public DemoUserSeeder(
        UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IOptions<DemoOptions> options, IHostEnvironment environment,
        DatabaseSettings database, ILogger<DemoUserSeeder> logger)
    {
        _database = database;
        _users = users;
        _roles = roles;
        _options = options.Value;
        _environment = environment;
        _logger = logger;
    }

    public async Task SeedAsync(ContactCenterDbContext db, CancellationToken ct)
    {
        foreach (var role in AppRoles.All)
        {
            if (!await _roles.RoleExistsAsync(role))
            {
                Check(await _roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        if (!_options.SeedUsers || await db.Users.AnyAsync(ct))
        {
            return;
        }

        var created = new List<(string Email, string Role, string Password)>();
        foreach (var role in AppRoles.All)
        {
            var email = $"{role.ToLowerInvariant()}@{Domain}";
            var password = string.IsNullOrEmpty(_options.Password) ? NewPassword() : _options.Password;
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await _users.CreateAsync(user, password), email);
            Check(await _users.AddToRoleAsync(user, role), email);
            created.Add((email, role, password));
        }

        var text = Describe(created);
        Console.WriteLine(text);
        var path = CredentialsPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, ct);
        Log.Created(_logger, path);
    }

    private string CredentialsPath()
    {
        if (!string.IsNullOrWhiteSpace(_options.CredentialsFile))
        {
            return Path.Combine(_environment.ContentRootPath, _options.CredentialsFile);
        }

        // Next to the database: a test or second instance with its own database never overwrites another's file.
        var folder = _database.Provider == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource)
            : null;
        return Path.Combine(string.IsNullOrEmpty(folder) ? Path.Combine(_environment.ContentRootPath, "data") : folder, FileName);
    }

    private static string Describe(List<(string Email, string Role, string Password)> users)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("==================== ContactCenter demo users ====================");
        text.AppendLine("Created once on this fresh database; sign in at /signin.");
        foreach (var (email, role, password) in users)
        {
            text.AppendLine($"  {role,-11} {email,-24} password: {password}");
        }

        text.AppendLine("Change or delete these users before exposing this server.");
        text.AppendLine("==================================================================");
        return text.ToString();
    }

    /// <summary>16 random characters drawn so that every Identity default rule (cases, digit, symbol) is met.</summary>
    private static string NewPassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "-_.!";
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        const string all = lower + upper + digits;
        while (chars.Count < 16)
        {
            chars.Insert(RandomNumberGenerator.GetInt32(chars.Count + 1), all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(chars.ToArray());
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Created the demo users; their credentials are also in {Path}")]
        public static partial void Created(ILogger logger, string path);
    }
}
