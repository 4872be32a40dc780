using ContactCenter.Core.CallModes;
using ContactCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Data.Tests;

public sealed class EfCallStoreTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SaveChanges_EverythingRoundTripsThroughANewContext()
    {
        await using (var db = await _database.CreateMigratedContextAsync())
        {
            var store = new EfCallStore(db);
            store.Add(new Account("acme", "Acme", s_now));
            var session = new Session("s1", "acme", "call-1", s_now);
            session.SetMode(CallMode.Whisper);
            store.Add(session);
            var agent = new Participant("p1", "acme", [PublishPermission.Video, PublishPermission.Audio], "agent", "https://example.test/cb", "V3", s_now);
            agent.Join("s1", s_now.AddSeconds(1));
            agent.SetSubscriptions(new Subscriptions("s1", [new ParticipantSubscription("p2", ["microphone", "camera"]), new ParticipantSubscription("p3")]));
            store.Add(agent);
            store.Add(new Participant("p2", "acme", [PublishPermission.Audio], null, null, "V3", s_now));
            await store.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            var account = await store.FindAccountAsync("acme");
            Assert.Equal("Acme", account!.Name);
            Assert.Equal(s_now, account.CreatedAt);

            var session = await store.FindSessionAsync("acme", "s1");
            Assert.Equal("call-1", session!.Tag);
            Assert.Equal(CallMode.Whisper, session.Mode);

            var agent = await store.FindParticipantAsync("acme", "p1");
            Assert.NotNull(agent);
            Assert.Equal([PublishPermission.Audio, PublishPermission.Video], agent.PublishPermissions);
            Assert.Equal("agent", agent.Tag);
            Assert.Equal("https://example.test/cb", agent.CallbackUrl);
            Assert.Equal("V3", agent.DeviceApiVersion);
            Assert.Equal("s1", agent.SessionId);
            Assert.Equal(s_now.AddSeconds(1), agent.JoinedAt);
            Assert.Equal("s1", agent.Subscriptions.SessionId);
            Assert.Collection(
                agent.Subscriptions.Participants,
                p =>
                {
                    Assert.Equal("p2", p.ParticipantId);
                    Assert.Equal(["microphone", "camera"], p.StreamAliases);
                },
                p =>
                {
                    Assert.Equal("p3", p.ParticipantId);
                    Assert.Empty(p.StreamAliases);
                });

            var other = await store.FindParticipantAsync("p2");
            Assert.Same(Subscriptions.None, other!.Subscriptions);
            Assert.Null(other.SessionId);
        }
    }

    [Fact]
    public async Task Find_OtherAccountsIds_ReturnNothing()
    {
        await SeedAsync();
        await using var db = _database.CreateContext();
        var store = new EfCallStore(db);

        Assert.Null(await store.FindSessionAsync("other", "s1"));
        Assert.Null(await store.FindParticipantAsync("other", "p1"));
        Assert.NotNull(await store.FindParticipantAsync("p1"));
    }

    [Fact]
    public async Task ChangedSubscriptions_AreDetectedAndSaved()
    {
        await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            var p1 = await store.FindParticipantAsync("acme", "p1");
            p1!.Join("s1", s_now);
            await store.SaveChangesAsync();
            p1.SetSubscriptions(Subscriptions.WholeSession("s1"));
            await store.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var p1 = await new EfCallStore(db).FindParticipantAsync("p1");
            Assert.True(p1!.Subscriptions.IsWholeSession);
        }
    }

    [Fact]
    public async Task GetMembers_SeesThisUnitOfWorksJoinsAndLeavesBeforeSaving()
    {
        await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            (await store.FindParticipantAsync("acme", "p1"))!.Join("s1", s_now);
            (await store.FindParticipantAsync("acme", "p2"))!.Join("s1", s_now.AddSeconds(1));
            await store.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            Assert.Equal(["p1", "p2"], (await store.GetMembersAsync("s1")).Select(p => p.Id));

            (await store.FindParticipantAsync("acme", "p1"))!.Leave();
            var p3 = new Participant("p3", "acme", [PublishPermission.Audio], null, null, "V3", s_now);
            p3.Join("s1", s_now.AddSeconds(2));
            store.Add(p3);

            Assert.Equal(["p2", "p3"], (await store.GetMembersAsync("s1")).Select(p => p.Id));
        }
    }

    [Fact]
    public async Task SaveChanges_OneFailingRow_WritesNothing()
    {
        await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            store.Add(new Session("s2", "acme", null, s_now));

            // No such account: the foreign key fails, and with it the whole unit of work.
            store.Add(new Participant("orphan", "no-such-account", [PublishPermission.Audio], null, null, "V3", s_now));
            await Assert.ThrowsAsync<DbUpdateException>(() => store.SaveChangesAsync());
        }

        await using (var db = _database.CreateContext())
        {
            Assert.False(await db.Sessions.AnyAsync(s => s.Id == "s2"));
            Assert.False(await db.Participants.AnyAsync(p => p.Id == "orphan"));
        }
    }

    [Fact]
    public async Task RemoveSession_LeavesFormerMembersInNoSession()
    {
        await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            (await store.FindParticipantAsync("acme", "p1"))!.Join("s1", s_now);
            await store.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            store.Remove((await store.FindSessionAsync("acme", "s1"))!);
            await store.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var p1 = await new EfCallStore(db).FindParticipantAsync("p1");
            Assert.Null(p1!.SessionId);
            Assert.Empty(await db.Sessions.ToListAsync());
        }
    }

    [Fact]
    public async Task RemoveParticipant_DeletesItsRow()
    {
        await SeedAsync();
        await using (var db = _database.CreateContext())
        {
            var store = new EfCallStore(db);
            store.Remove((await store.FindParticipantAsync("acme", "p2"))!);
            await store.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            Assert.Null(await new EfCallStore(db).FindParticipantAsync("p2"));
            Assert.NotNull(await new EfCallStore(db).FindParticipantAsync("p1"));
        }
    }

    private async Task SeedAsync()
    {
        await using var db = await _database.CreateMigratedContextAsync();
        var store = new EfCallStore(db);
        store.Add(new Account("acme", "Acme", s_now));
        store.Add(new Account("other", "Other", s_now));
        store.Add(new Session("s1", "acme", null, s_now));
        store.Add(new Participant("p1", "acme", [PublishPermission.Audio, PublishPermission.Video], null, null, "V3", s_now));
        store.Add(new Participant("p2", "acme", [PublishPermission.Audio], null, null, "V3", s_now));
        await store.SaveChangesAsync();
    }
}
