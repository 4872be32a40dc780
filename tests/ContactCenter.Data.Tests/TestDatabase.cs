using ContactCenter.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Data.Tests;

/// <summary>
/// A real database for one test, deleted afterwards: a SQLite file in its own temporary folder, or, in the PostgreSQL
/// pass (<c>CC_TEST_DB=postgres</c>, or <paramref name="provider"/> given), a database of its own on the test server.
/// <see cref="Folder"/> is the content root either way.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _key = Guid.NewGuid().ToString("N");

    public TestDatabase(DatabaseProvider? provider = null)
    {
        Provider = provider ?? (TestServices.UsePostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
        Folder = Path.Combine(Path.GetTempPath(), "cc-data-tests-" + _key);
        Directory.CreateDirectory(Folder);
        ConnectionString = Provider == DatabaseProvider.Postgres
            ? TestServices.CreateDatabase(_key)
            : $"Data Source={Path.Combine(Folder, "test.db")}";
    }

    public DatabaseProvider Provider { get; }

    public string Folder { get; }

    public string ConnectionString { get; }

    public ContactCenterDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresContactCenterDbContext>();
            DataServiceCollectionExtensions.ConfigurePostgres(postgres, ConnectionString);
            return new PostgresContactCenterDbContext(postgres.Options);
        }

        var options = new DbContextOptionsBuilder<ContactCenterDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, ConnectionString);
        return new ContactCenterDbContext(options.Options);
    }

    /// <summary>A SQLite context that writes through <paramref name="writeGate"/>, then through <paramref name="interceptors"/>.</summary>
    public ContactCenterDbContext CreateContext(SqliteWriteGate writeGate, params IInterceptor[] interceptors)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("The write gate is for SQLite files only.");
        }

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
        if (Provider == DatabaseProvider.Postgres)
        {
            TestServices.DropDatabase(_key);
        }

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
