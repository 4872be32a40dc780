using ContactCenter.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Data.Tests;

public sealed class ProviderSelectionTests
{
    private const string PostgresConnection = "Host=db.invalid;Database=contactcenter;Username=cc;Password=secret";

    [Theory]
    [InlineData("Postgres", PostgresConnection)]
    [InlineData("postgresql", PostgresConnection)]
    [InlineData("", PostgresConnection)]
    [InlineData(null, "postgres://cc:secret@db.invalid:5433/contactcenter")]
    public void AddContactCenterData_PostgresSettings_SelectsNpgsqlWithoutConnecting(string? provider, string connectionString)
    {
        using var services = Build(provider, connectionString, Path.GetTempPath());
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();

        Assert.IsType<PostgresContactCenterDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Contains("Host=db.invalid", db.Database.GetConnectionString(), StringComparison.Ordinal);
        // The PostgreSQL context must read its own chain of migrations, never the SQLite one.
        var chain = db.GetService<IMigrationsAssembly>().Migrations;
        Assert.All(db.Database.GetMigrations(), m => Assert.EndsWith(".Migrations.Postgres", chain[m].Namespace, StringComparison.Ordinal));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.IsType<EfCallStore>(scope.ServiceProvider.GetRequiredService<ICallStore>());
    }

    [Fact]
    public void AddContactCenterData_Defaults_SelectsSqliteUnderTheContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "cc-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var services = Build(null, null, root);
            using var scope = services.CreateScope();

            var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();

            Assert.IsNotType<PostgresContactCenterDbContext>(db);
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
            Assert.Contains(Path.Combine(root, "data", "contactcenter.db"), db.Database.GetConnectionString(), StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Resolve_SqliteAbsolutePath_IsKept()
    {
        var path = Path.Combine(Path.GetTempPath(), "cc-abs-" + Guid.NewGuid().ToString("N"), "x.db");
        var settings = DatabaseSettings.Resolve("Sqlite", $"Data Source={path}", "/nowhere");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(path, settings.ConnectionString, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!);
    }

    [Fact]
    public void Resolve_PostgresUrl_BecomesKeyValuePairs()
    {
        var settings = DatabaseSettings.Resolve(null, "postgresql://user%40x:p%3Ass@db.example:6543/cc", "/");

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(("db.example", 6543, "cc", "user@x", "p:ss"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    [Fact]
    public void Resolve_UnknownProvider_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Resolve("Oracle", null, "/"));
        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string? provider, string? connectionString, string contentRoot)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:ContactCenter"] = connectionString,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddContactCenterData(configuration, contentRoot);
        return services.BuildServiceProvider();
    }
}
