using ContactCenter.Core.Persistence;
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
    /// and a start-up step that migrates the database and runs the <see cref="IContactCenterSeeder"/>s.
    /// </summary>
    public static IServiceCollection AddContactCenterData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Validate(o => TryParse(o.Provider), "Database:Provider must be 'Sqlite' or 'Postgres' (or empty to detect it from the connection string).")
            .ValidateOnStart();

        var settings = DatabaseSettings.Resolve(
            configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"],
            configuration.GetConnectionString(DatabaseOptions.ConnectionStringName),
            contentRoot);
        services.TryAddSingleton(settings);

        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<ContactCenterDbContext, PostgresContactCenterDbContext>(o => ConfigurePostgres(o, settings.ConnectionString));
        }
        else
        {
            services.AddDbContext<ContactCenterDbContext>(o => ConfigureSqlite(o, settings.ConnectionString));
        }

        services.TryAddScoped<ICallStore, EfCallStore>();
        services.AddSingleton<IHostedService, DatabaseInitializer>();
        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(ContactCenterDbContext).Assembly.FullName));

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
