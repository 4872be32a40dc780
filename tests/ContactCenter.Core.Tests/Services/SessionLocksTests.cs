using ContactCenter.Core.Services;

namespace ContactCenter.Core.Tests.Services;

public sealed class SessionLocksTests
{
    private readonly SessionLocks _locks = new();

    [Fact]
    public async Task LockSessionAsync_SameSession_WaitsForTheHolder()
    {
        var first = await _locks.LockSessionAsync("s");
        var second = _locks.LockSessionAsync("s");

        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(0, _locks.ActiveCount);
    }

    [Fact]
    public async Task LockSessionAsync_OtherSessionOrParticipantOfTheSameId_DoesNotWait()
    {
        using var held = await _locks.LockSessionAsync("x");

        using var otherSession = await _locks.LockSessionAsync("y").WaitAsync(TimeSpan.FromSeconds(5));
        using var participant = await _locks.LockParticipantAsync("x").WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task LockSessionAsync_CancelledWhileWaiting_ThrowsAndLeavesNoEntry()
    {
        var held = await _locks.LockSessionAsync("s");
        using var cts = new CancellationTokenSource();
        var waiting = _locks.LockSessionAsync("s", cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        Assert.Equal(0, _locks.ActiveCount);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var lease = await _locks.LockSessionAsync("s");
        lease.Dispose();
        lease.Dispose();

        using var again = await _locks.LockSessionAsync("s");
        var blocked = _locks.LockSessionAsync("s");
        await Task.Delay(50);

        Assert.False(blocked.IsCompleted);
        again.Dispose();
        (await blocked.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
