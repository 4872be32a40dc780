using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Data.Tests;

/// <summary>Both migration chains, each on its real database (a SQLite file; a PostgreSQL 15 database of its own).</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_EmptyDatabase_CreatesEveryTableAndLeavesNothingPending(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var tables = new List<string>();
        await using (var db = await database.CreateMigratedContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = provider == DatabaseProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in new[] { "Accounts", "ApiCredentials", "Sessions", "Participants", "ModeChanges", "AspNetUsers", "AspNetRoles", "Calls", "CallMembers", "AgentStates" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Model_HasNoChangesSinceTheLastMigration(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        await using var db = database.CreateContext();

        // A model change without a new migration would make MigrateAsync leave the schema behind the code.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_Twice_IsHarmless(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        await using (var first = await database.CreateMigratedContextAsync())
        {
            Assert.NotEmpty(await first.Database.GetAppliedMigrationsAsync());
        }

        await using var second = await database.CreateMigratedContextAsync();
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
    }
}
