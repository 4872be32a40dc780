using System.Net.Http.Headers;
using System.Text;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Routing;
using ContactCenter.Data;
using ContactCenter.Testing;
using ContactCenter.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Infrastructure;

/// <summary>
/// The real host over a real SQLite file in <see cref="Folder"/>. The content root is the one Program picks itself
/// (the repository root), so the host does not see a changed content root; only the database, the token key and
/// the media router are swapped. Two factories over the same folder in sequence are a restart.
/// In the PostgreSQL pass (<c>CC_TEST_DB=postgres</c>) the database is one of its own on the test server, named after
/// the folder (so a restart finds it again) and dropped with it.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string DemoAccount = "demo";
    public const string DemoUser = "demo";
    public const string DemoPassword = "demo-secret-change-me";

    /// <summary>A fixed key, so that tokens survive a restart in the tests too.</summary>
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS10ZXN0LXNpZ25pbmcta2V5LTEyMzQ1Njc4OTA=";

    private readonly Action<IServiceCollection>? _configureServices;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ApiFactory(
        string? folder = null, Action<IServiceCollection>? configureServices = null, DatabaseProvider? provider = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = folder ?? CreateFolder();
        _configureServices = configureServices;
        DatabaseProvider = provider ?? Provider;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public string Folder { get; }

    /// <summary>This host's provider: the run's (<see cref="Provider"/>) unless the test chose one.</summary>
    public DatabaseProvider DatabaseProvider { get; }


    public RecordingMediaRouter Router { get; } = new();

    public static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cc-web-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The provider this test run uses (<c>CC_TEST_DB=postgres</c> selects PostgreSQL).</summary>
    public static DatabaseProvider Provider => TestServices.UsePostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The connection string of the folder's database, created on the test server in the PostgreSQL pass.</summary>
    public static string ConnectionStringFor(string folder, DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? TestServices.CreateDatabase(Path.GetFileName(folder))
        : $"Data Source={Path.Combine(folder, "contactcenter.db")}";

    public static void DeleteFolder(string folder, DatabaseProvider? provider = null)
    {
        if ((provider ?? Provider) == DatabaseProvider.Postgres)
        {
            TestServices.DropDatabase(Path.GetFileName(folder));
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning; no test reads it again.
        }
    }

    /// <summary>An HTTP client with the demo account's Basic credentials.</summary>
    public HttpClient CreateDemoClient() => CreateClientFor(DemoUser, DemoPassword);

    public HttpClient CreateClientFor(string username, string password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return client;
    }

    /// <summary>Adds another account with one API credential, straight into the database.</summary>
    public async Task AddAccountAsync(string accountId, string username, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Accounts.Add(new Account(accountId, accountId, now));
        db.ApiCredentials.Add(new ApiCredential(Guid.NewGuid().ToString("N"), accountId, username, ApiSecretHasher.Hash(password, iterations: 1_000), now));
        await db.SaveChangesAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(HostPaths.ResolveContentRoot([]));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:ContactCenter", ConnectionStringFor(Folder, DatabaseProvider));
        builder.UseSetting("Database:Provider", DatabaseProvider.ToString());
        if (DatabaseProvider == DatabaseProvider.Postgres)
        {
            // With no SQLite file to sit beside, the demo credentials would go to the repository's data/ folder.
            builder.UseSetting("Demo:CredentialsFile", Path.Combine(Folder, "demo-credentials.txt"));
        }

        builder.UseSetting("Tokens:SigningKey", SigningKey);
        builder.UseSetting("Tokens:KeyFile", Path.Combine(Folder, "token-signing.key"));
        builder.UseSetting("Api:Bootstrap:AccountId", DemoAccount);
        builder.UseSetting("Api:Bootstrap:Username", DemoUser);
        builder.UseSetting("Api:Bootstrap:Password", DemoPassword);

        // Each test host gets its own ephemeral media port; parallel hosts never fight over the default one.
        builder.UseSetting("Media:Port", "0");
        builder.UseSetting("Media:WarmUpDtls", "false");
        builder.UseSetting("Sip:Port", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IMediaRouter>(Router);
            _configureServices?.Invoke(services);
        });
    }
}
