using ContactCenter.Core.Auditing;
using ContactCenter.Core.Desks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Queue;
using ContactCenter.Data.CallCenter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ContactCenterDbContext"/> (SQLite, or PostgreSQL when configured), <see cref="ICallStore"/>,
    /// the persistent mode-change audit, and a start-up step that migrates the database and runs the
    /// <see cref="IContactCenterSeeder"/>s. The settings are read when the first context is made, not here, so that
    /// configuration added after this call (a test host's, say) is honoured.
    /// </summary>
    public static IServiceCollection AddContactCenterData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Validate(o => TryParse(o.Provider), "Database:Provider must be 'Sqlite' or 'Postgres' (or empty to detect it from the connection string).")
            .ValidateOnStart();

        services.TryAddSingleton(sp =>
        {
            // The configuration of the built host (which includes every later source), falling back to the one given.
            var config = sp.GetService<IConfiguration>() ?? configuration;
            return DatabaseSettings.Resolve(
                config[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"],
                config.GetConnectionString(DatabaseOptions.ConnectionStringName),
                contentRoot);
        });

        // Each provider has its own context type only so that EF picks its migration chain; everything else asks for
        // ContactCenterDbContext and gets the one the settings select.
        services.TryAddScoped(sp => sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresContactCenterDbContext>()
            : new ContactCenterDbContext(sp.GetRequiredService<DbContextOptions<ContactCenterDbContext>>()));
        services.TryAddSingleton<SqliteWriteGate>();
        services.AddDbContext<ContactCenterDbContext>((sp, o) => ConfigureSqlite(
            o, sp.GetRequiredService<DatabaseSettings>().ConnectionString, sp.GetRequiredService<SqliteWriteGate>()));
        services.AddDbContext<PostgresContactCenterDbContext>((sp, o) => ConfigurePostgres(o, sp.GetRequiredService<DatabaseSettings>().ConnectionString));

        services.TryAddScoped<ICallStore, EfCallStore>();

        // Replaces the queue's in-memory store whichever is registered first: the database owns the live calls.
        services.AddSingleton<ICallCenterStore, EfCallCenterStore>();
        services.AddSingleton<IDeskStore, EfDeskStore>();

        // Replaces Core's in-memory audit whichever is registered first (the last registration is the one resolved).
        services.AddSingleton<IModeAuditLog, EfModeAuditLog>();
        services.AddSingleton<IHostedService, DatabaseInitializer>();
        return services;
    }

    /// <summary>SQLite options; <paramref name="writeGate"/> (one per database file) queues the writers in the process.</summary>
    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString, SqliteWriteGate? writeGate = null)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(ContactCenterDbContext).Assembly.FullName));
        return writeGate is null ? options : options.AddInterceptors(writeGate);
    }

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(ContactCenterDbContext).Assembly.FullName));

    private static bool TryParse(string? provider)
    {
        try
        {
            DatabaseSettings.ParseProvider(provider);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
