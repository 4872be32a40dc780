using ContactCenter.Core.Domain;
using ContactCenter.Core.Persistence;

namespace ContactCenter.Data.Tests;

/// <summary>The 20-member cap is the database's rule (migration AddMemberCap), whatever code writes the rows.</summary>
public sealed class MemberCapTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SaveChangesAsync_TwentyFirstMemberJoins_ThrowsSessionFullAndWritesNothing(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var store = new EfCallStore(db);
            store.Add(new Account("acme", "Acme", s_now));
            store.Add(new Session("s1", "acme", null, s_now));
            for (var i = 0; i < Session.MaxMembers + 1; i++)
            {
                var participant = new Participant($"p{i:D2}", "acme", [PublishPermission.Audio], null, null, "V3", s_now);
                if (i < Session.MaxMembers)
                {
                    participant.Join("s1", s_now);
                }

                store.Add(participant);
            }

            await store.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var store = new EfCallStore(db);
            var last = await store.FindParticipantAsync("acme", $"p{Session.MaxMembers:D2}");
            last!.Join("s1", s_now);
            await Assert.ThrowsAsync<SessionFullException>(() => store.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var store = new EfCallStore(db);
            Assert.Equal(Session.MaxMembers, (await store.GetMembersAsync("s1")).Count);

        }

        await using (var db = database.CreateContext())
        {
            // A new participant inserted straight into the full session is refused the same way.
            var store = new EfCallStore(db);
            var late = new Participant("late", "acme", [PublishPermission.Audio], null, null, "V3", s_now);
            late.Join("s1", s_now);
            store.Add(late);
            await Assert.ThrowsAsync<SessionFullException>(() => store.SaveChangesAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SaveChangesAsync_MemberLeavesAFullSession_AnotherCanJoin(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var store = new EfCallStore(db);
            store.Add(new Account("acme", "Acme", s_now));
            store.Add(new Session("s1", "acme", null, s_now));
            for (var i = 0; i <= Session.MaxMembers; i++)
            {
                var participant = new Participant($"p{i:D2}", "acme", [PublishPermission.Audio], null, null, "V3", s_now);
                if (i < Session.MaxMembers)
                {
                    participant.Join("s1", s_now);
                }

                store.Add(participant);
            }

            await store.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var store = new EfCallStore(db);
            (await store.FindParticipantAsync("acme", "p00"))!.Leave();
            (await store.FindParticipantAsync("acme", $"p{Session.MaxMembers:D2}"))!.Join("s1", s_now);
            await store.SaveChangesAsync();
        }
    }
}
