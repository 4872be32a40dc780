using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyFile_CreatesEveryTableAndLeavesNothingPending()
    {
        using var database = new SqliteTestDatabase();
        await using (var db = await database.CreateMigratedContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }

        var tables = new List<string>();
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in new[] { "Accounts", "ApiCredentials", "Sessions", "Participants", "ModeChanges", "AspNetUsers", "AspNetRoles" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task Model_HasNoChangesSinceTheLastMigration()
    {
        using var database = new SqliteTestDatabase();
        await using var db = database.CreateContext();

        // A model change without a new migration would make MigrateAsync leave the schema behind the code.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrate_Twice_IsHarmless()
    {
        using var database = new SqliteTestDatabase();
        await using (var first = await database.CreateMigratedContextAsync())
        {
            Assert.NotEmpty(await first.Database.GetAppliedMigrationsAsync());
        }

        await using var second = await database.CreateMigratedContextAsync();
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
    }
}
