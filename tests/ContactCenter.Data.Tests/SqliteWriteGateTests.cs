using ContactCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Data.Tests;

/// <summary>
/// The write gate over a real SQLite file: a second writer waits asynchronously for the first instead of meeting
/// SQLITE_BUSY (which Microsoft.Data.Sqlite answers with a blocking 150 ms sleep), and every way out of a SaveChanges
/// frees the gate.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    // SQLite in both test passes: the gate is what SQLite's single writer needs.
    private readonly TestDatabase _database = new(DatabaseProvider.Sqlite);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SaveChangesAsync_WhileAnotherWriterHoldsTheGate_WaitsWithoutTouchingTheFileThenWrites()
    {
        (await _database.CreateMigratedContextAsync()).Dispose();
        var gate = new SqliteWriteGate();
        var pause = new PauseInSavingChanges();

        await using var first = _database.CreateContext(gate, pause);
        first.Accounts.Add(new Account("a1", "First", s_now));
        var firstSave = first.SaveChangesAsync();
        await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await using var second = _database.CreateContext(gate);
        second.Accounts.Add(new Account("a2", "Second", s_now));
        var secondSave = second.SaveChangesAsync();

        // Without the gate the second writer reaches SQLite at once (nothing holds the file yet) and completes here.
        Assert.False(secondSave.IsCompleted);

        pause.Continue.SetResult();
        Assert.Equal(1, await firstSave.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, await secondSave.WaitAsync(TimeSpan.FromSeconds(10)));

        await using var check = _database.CreateContext();
        Assert.Equal(["a1", "a2"], await check.Accounts.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
    }

    [Fact]
    public async Task SaveChangesAsync_CancelledWhileWaiting_LeavesTheGateToTheOthers()
    {
        (await _database.CreateMigratedContextAsync()).Dispose();
        var gate = new SqliteWriteGate();
        var pause = new PauseInSavingChanges();

        await using var first = _database.CreateContext(gate, pause);
        first.Accounts.Add(new Account("a1", "First", s_now));
        var firstSave = first.SaveChangesAsync();
        await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var cancel = new CancellationTokenSource();
        await using var cancelled = _database.CreateContext(gate);
        cancelled.Accounts.Add(new Account("a2", "Cancelled", s_now));
        var cancelledSave = cancelled.SaveChangesAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledSave);

        pause.Continue.SetResult();
        await firstSave.WaitAsync(TimeSpan.FromSeconds(10));

        // Had the cancelled writer released a gate it never held, two writers could now run at once; had it kept one,
        // this would never finish.
        await using var third = _database.CreateContext(gate);
        third.Accounts.Add(new Account("a3", "Third", s_now));
        Assert.Equal(1, await third.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SaveChangesAsync_AfterAFailedWrite_TheNextWriterGetsTheGate()
    {
        (await _database.CreateMigratedContextAsync()).Dispose();
        var gate = new SqliteWriteGate();
        await using (var db = _database.CreateContext(gate))
        {
            db.Accounts.Add(new Account("a1", "First", s_now));
            await db.SaveChangesAsync();
        }

        await using (var duplicate = _database.CreateContext(gate))
        {
            duplicate.Accounts.Add(new Account("a1", "Same id", s_now));
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync());
        }

        await using var next = _database.CreateContext(gate);
        next.Accounts.Add(new Account("a2", "Next", s_now));
        Assert.Equal(1, await next.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SaveChangesAsync_ManyWritersAtOnce_AllRowsWritten()
    {
        (await _database.CreateMigratedContextAsync()).Dispose();
        var gate = new SqliteWriteGate();

        var saves = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var db = _database.CreateContext(gate);
            db.Accounts.Add(new Account($"a{i:D2}", $"Account {i}", s_now));
            return await db.SaveChangesAsync();
        }));
        Assert.All(await Task.WhenAll(saves), n => Assert.Equal(1, n));

        await using var check = _database.CreateContext();
        Assert.Equal(40, await check.Accounts.CountAsync());
    }

    /// <summary>Holds a SaveChanges after the gate let it in and before it touches the file.</summary>
    private sealed class PauseInSavingChanges : SaveChangesInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Continue { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Reached.TrySetResult();
            await Continue.Task;
            return result;
        }
    }
}
