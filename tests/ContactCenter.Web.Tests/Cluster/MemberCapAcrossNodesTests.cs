using System.Data.Common;
using System.Net;
using ContactCenter.Core.Domain;
using ContactCenter.Data;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Cluster;

/// <summary>
/// Two nodes (two real hosts in this process, each with its own in-process locks) on one PostgreSQL database: the
/// 20-member cap holds because the database enforces it, not a process lock. Node B's joins wait 300 ms between its
/// own member count and its write (as a busy node would), so its count is stale while node A fills the session: only
/// the database's rule (the trigger of migration AddMemberCap) can refuse them. With the trigger's 20 raised, this
/// test fails with more than 20 members.
/// </summary>
public sealed class MemberCapAcrossNodesTests : IAsyncLifetime
{
    private readonly string _folder = ApiFactory.CreateFolder();
    private ApiFactory? _nodeA;
    private ApiFactory? _nodeB;

    public Task InitializeAsync()
    {
        _nodeA = new ApiFactory(_folder, provider: DatabaseProvider.Postgres);
        _ = _nodeA.Server;
        _nodeB = new ApiFactory(_folder, services =>
            services.ConfigureDbContext<PostgresContactCenterDbContext>(o => o.AddInterceptors(new SlowJoin())), DatabaseProvider.Postgres);
        _ = _nodeB.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _nodeB!.DisposeAsync();
        await _nodeA!.DisposeAsync();
        ApiFactory.DeleteFolder(_folder, DatabaseProvider.Postgres);
    }

    [Fact]
    public async Task AddParticipant_FortyAtOnceSpreadOverTwoNodes_ExactlyTwentyJoinAndTwentyGet409()
    {
        var clients = new[] { _nodeA!.CreateDemoClient(), _nodeB!.CreateDemoClient() };
        var session = await clients[0].CreateSessionAsync("cap-across-nodes");
        var participants = new List<string>();
        for (var i = 0; i < 2 * Session.MaxMembers; i++)
        {
            participants.Add((await clients[i % 2].CreateParticipantAsync()).Id);
        }

        using var start = new ManualResetEventSlim();
        var puts = participants.Select((p, i) => Task.Run(async () =>
        {
            start.Wait();
            return await clients[i % 2].PutAsync($"{Base()}/sessions/{session}/participants/{p}", null);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(puts);

        var byStatus = responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Session.MaxMembers, byStatus.GetValueOrDefault(HttpStatusCode.NoContent));
        Assert.Equal(Session.MaxMembers, byStatus.GetValueOrDefault(HttpStatusCode.Conflict));
        Assert.Equal(2, byStatus.Count);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await refused.AssertErrorAsync(HttpStatusCode.Conflict, "is full");
        }

        // Both nodes read the same 20 members from the database.
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
            Assert.Equal(Session.MaxMembers, await db.Participants.CountAsync(p => p.SessionId == session));
        }
    }

    /// <summary>Holds every write of a participant row for 300 ms before it reaches the database.</summary>
    private sealed class SlowJoin : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await DelayIfJoinAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await DelayIfJoinAsync(command, cancellationToken);
            return result;
        }

        private static Task DelayIfJoinAsync(DbCommand command, CancellationToken ct) =>
            command.CommandText.Contains("UPDATE \"Participants\"", StringComparison.Ordinal) ? Task.Delay(300, ct) : Task.CompletedTask;
    }
}
