using ContactCenter.Core.Auditing;
using ContactCenter.Core.CallModes;

namespace ContactCenter.Core.Tests.Auditing;

public sealed class InMemoryModeAuditLogTests
{
    [Fact]
    public async Task ListAsync_OtherSessionsAndAccounts_AreNotIncluded()
    {
        var log = new InMemoryModeAuditLog();
        var mine = Entry("acct", "s1");
        await log.RecordAsync(mine);
        await log.RecordAsync(Entry("acct", "s2"));
        await log.RecordAsync(Entry("other", "s1"));

        Assert.Equal([mine], await log.ListAsync("acct", "s1"));
    }

    [Fact]
    public async Task RecordAsync_BeyondCapacity_DropsTheOldest()
    {
        var log = new InMemoryModeAuditLog();
        for (var i = 0; i <= InMemoryModeAuditLog.Capacity; i++)
        {
            await log.RecordAsync(Entry("acct", "s", DateTimeOffset.UnixEpoch.AddSeconds(i)));
        }

        var entries = await log.ListAsync("acct", "s");

        Assert.Equal(InMemoryModeAuditLog.Capacity, entries.Count);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1), entries[0].At);
    }

    private static ModeChangeAudit Entry(string account, string session, DateTimeOffset? at = null) =>
        new(account, session, null, CallMode.Monitor, "boss", at ?? DateTimeOffset.UnixEpoch);
}
