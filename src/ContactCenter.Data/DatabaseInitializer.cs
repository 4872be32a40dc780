using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Data;

/// <summary>
/// Applies the migrations and then the seeders before anything else starts (StartingAsync runs before every
/// hosted service's StartAsync, the web server's included), so no request ever sees an old schema.
/// </summary>
internal sealed partial class DatabaseInitializer : IHostedLifecycleService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly DatabaseSettings _settings;
    private readonly ILogger<DatabaseInitializer> _logger;

    public DatabaseInitializer(IServiceScopeFactory scopes, DatabaseSettings settings, ILogger<DatabaseInitializer> logger)
    {
        _scopes = scopes;
        _settings = settings;
        _logger = logger;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();

        if (_settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run while one request writes; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            Log.ApplyingMigrations(_logger, _settings.Provider, pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IContactCenterSeeder>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_settings.Provider == DatabaseProvider.Sqlite)
        {
            // Pooled connections keep the file (and its -wal/-shm) open; let go of them when the host stops.
            SqliteConnection.ClearAllPools();
        }

        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applying {Count} {Provider} migration(s): {Migrations}")]
        public static partial void ApplyingMigrations(ILogger logger, DatabaseProvider provider, int count, string migrations);
    }
}
