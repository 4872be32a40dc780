using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Data;

/// <summary>
/// Lets one <c>SaveChanges</c> at a time write to the SQLite file; the others wait here asynchronously.
/// </summary>
/// <remarks>
/// SQLite has one writer. Microsoft.Data.Sqlite opens each EF transaction with <c>BEGIN IMMEDIATE</c>; a second writer
/// gets <c>SQLITE_BUSY</c> and the driver retries it with a blocking 150 ms sleep on a thread-pool thread. Under a few
/// concurrent writes (call churn, many REST clients) that turned into 150 ms steps in request latency and blocked
/// threads. Queuing the writers in the process instead costs each one only the previous writers' own time. Readers do
/// not pass through the gate (WAL lets them read while one writer writes). One gate per host, which is one database
/// file; PostgreSQL does not use it.
/// </remarks>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Which contexts hold the gate, so that a release always matches an acquire (EF reports a cancellation during
    // SavingChanges as SaveChangesCanceled, though that SaveChanges never got the gate).
    private readonly ConditionalWeakTable<DbContext, object> _holders = new();
    private static readonly object Held = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _gate.Wait();
        Hold(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        Hold(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Hold(DbContext? context)
    {
        if (context is null)
        {
            _gate.Release();
            return;
        }

        _holders.AddOrUpdate(context, Held);
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.Remove(context))
        {
            _gate.Release();
        }
    }
}
