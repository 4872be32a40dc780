using System.Text.Json;
using ContactCenter.Core.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Data.CallCenter;

/// <summary>
/// The call center's state in the application database (tables Calls, CallMembers, AgentStates): the one source of
/// truth that <see cref="Core.Queue.CallCenter"/> projects. One scope and one transaction per save.
/// </summary>
internal sealed class EfCallCenterStore : ICallCenterStore
{
    private readonly IServiceScopeFactory _scopes;

    public EfCallCenterStore(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public async Task<IReadOnlyList<StoredCall>> LoadLiveCallsAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var calls = await db.Set<CallRow>().AsNoTracking().Where(c => c.EndedAt == null).ToListAsync(ct);
        var ids = calls.Select(c => c.CallId).ToList();
        var members = await db.Set<CallMemberRow>().AsNoTracking().Where(m => ids.Contains(m.CallId)).ToListAsync(ct);
        return calls.Select(c => ToStored(c, members.Where(m => m.CallId == c.CallId))).ToList();
    }

    public async Task<IReadOnlyList<StoredAgent>> LoadAgentsAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var rows = await db.Set<AgentStateRow>().AsNoTracking().ToListAsync(ct);
        return rows.Select(a => new StoredAgent(a.UserId, a.Status, a.IdleSince, a.CallId, a.WrapUpUntil)).ToList();
    }

    public async Task SaveAsync(IReadOnlyList<StoredCall> calls, IReadOnlyList<StoredAgent> agents, CancellationToken ct = default)
    {
        if (calls.Count == 0 && agents.Count == 0)
        {
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var callIds = calls.Select(c => c.CallId).ToList();
        var callRows = await db.Set<CallRow>().Where(c => callIds.Contains(c.CallId)).ToDictionaryAsync(c => c.CallId, StringComparer.Ordinal, ct);
        var memberRows = await db.Set<CallMemberRow>().Where(m => callIds.Contains(m.CallId)).ToListAsync(ct);
        foreach (var call in calls)
        {
            if (!callRows.TryGetValue(call.CallId, out var row))
            {
                row = new CallRow { CallId = call.CallId };
                db.Add(row);
            }

            Fill(row, call);
            var wanted = call.Members.ToDictionary(m => m.ParticipantId, StringComparer.Ordinal);
            foreach (var existing in memberRows.Where(m => m.CallId == call.CallId))
            {
                if (!wanted.Remove(existing.ParticipantId))
                {
                    db.Remove(existing);
                }
            }

            foreach (var member in wanted.Values)
            {
                db.Add(new CallMemberRow
                {
                    ParticipantId = member.ParticipantId,
                    CallId = call.CallId,
                    UserId = member.UserId,
                    Name = member.Name,
                    IsSupervisor = member.IsSupervisor,
                });
            }
        }

        var agentIds = agents.Select(a => a.UserId).ToList();
        var agentRows = await db.Set<AgentStateRow>().Where(a => agentIds.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, StringComparer.Ordinal, ct);
        foreach (var agent in agents)
        {
            if (!agentRows.TryGetValue(agent.UserId, out var row))
            {
                row = new AgentStateRow { UserId = agent.UserId };
                db.Add(row);
            }

            row.Status = agent.Status;
            row.IdleSince = agent.IdleSince.ToUniversalTime();
            row.CallId = agent.CallId;
            row.WrapUpUntil = agent.WrapUpUntil?.ToUniversalTime();
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Fill(CallRow row, StoredCall call)
    {
        row.CustomerParticipantId = call.CustomerParticipantId;
        row.CustomerName = call.CustomerName;
        row.CustomerTag = call.CustomerTag;
        row.WaitingSince = call.WaitingSince.ToUniversalTime();
        row.QueueSequence = call.QueueSequence;
        row.OfferedTo = call.Offer?.AgentId;
        row.OfferedAt = call.Offer?.OfferedAt.ToUniversalTime();
        row.OfferExpiresAt = call.Offer?.ExpiresAt.ToUniversalTime();
        row.DeclinedBy = JsonSerializer.Serialize(call.DeclinedBy.ToDictionary(d => d.Key, d => d.Value.ToUniversalTime()));
        row.ConnectedAt = call.ConnectedAt?.ToUniversalTime();
        row.EndedAt = call.EndedAt?.ToUniversalTime();
        row.Whispered = JsonSerializer.Serialize(call.Whispered);
        row.CustomerResumeHash = call.CustomerResumeHash;
        row.CallerKey = call.CallerKey;
        row.WaitingTicks = call.WaitingSince.UtcTicks;
    }

    private static StoredCall ToStored(CallRow row, IEnumerable<CallMemberRow> members) => new(
        row.CallId,
        row.CustomerParticipantId,
        row.CustomerName,
        row.CustomerTag,
        row.WaitingSince,
        row.QueueSequence,
        row is { OfferedTo: { } agentId, OfferedAt: { } at, OfferExpiresAt: { } expires } ? new QueueOffer(row.CallId, agentId, at, expires) : null,
        JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(row.DeclinedBy) ?? [],
        row.ConnectedAt,
        row.EndedAt,
        JsonSerializer.Deserialize<List<string>>(row.Whispered) ?? [],
        members.Select(m => new StoredCallMember(m.ParticipantId, m.UserId, m.Name, m.IsSupervisor)).ToList(),
        row.CustomerResumeHash,
        row.CallerKey);
}
