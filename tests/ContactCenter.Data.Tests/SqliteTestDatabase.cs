using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Data.Tests;

/// <summary>A real SQLite file in its own temporary folder, deleted afterwards.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cc-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        ConnectionString = $"Data Source={Path.Combine(Folder, "test.db")}";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public ContactCenterDbContext CreateContext() => CreateContext(writeGate: null);

    /// <summary>A context that writes through <paramref name="writeGate"/>, then through <paramref name="interceptors"/>.</summary>
    public ContactCenterDbContext CreateContext(SqliteWriteGate? writeGate, params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<ContactCenterDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, ConnectionString, writeGate);
        options.AddInterceptors(interceptors);
        return new ContactCenterDbContext(options.Options);
    }

    public async Task<ContactCenterDbContext> CreateMigratedContextAsync()
    {
        var db = CreateContext();
        await db.Database.MigrateAsync();
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is the OS's to clean; the test's result does not depend on it.
        }
    }
}
