using ContactCenter.Core.Desks;

namespace ContactCenter.Core.Tests.Desks;

/// <summary>An <see cref="IDeskStore"/> in memory whose calls the test writes.</summary>
internal sealed class FakeDeskStore : IDeskStore
{
    public List<DispositionCode> Codes { get; } = [];

    public List<CallRecord> Calls { get; } = [];

    public DeskSettings Settings { get; set; } = new();

    public Task<IReadOnlyList<DispositionCode>> GetCodesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<DispositionCode>>(Codes.ToList());

    public Task SaveCodeAsync(DispositionCode code, CancellationToken ct = default)
    {
        Codes.RemoveAll(c => c.Id == code.Id);
        Codes.Add(code);
        return Task.CompletedTask;
    }

    public Task<DeskSettings> GetSettingsAsync(CancellationToken ct = default) => Task.FromResult(Settings);

    public Task SaveSettingsAsync(DeskSettings settings, CancellationToken ct = default)
    {
        Settings = settings;
        return Task.CompletedTask;
    }

    public Task<CallRecord?> FindLastCallOfAgentAsync(string agentUserId, CancellationToken ct = default) =>
        Task.FromResult(Calls.Where(c => c.EndedAt is not null && c.AgentNames.Contains(agentUserId)).MaxBy(c => c.WaitingSince));

    public Task<bool> SaveDispositionAsync(string callId, string? codeId, string note, string byName, DateTimeOffset at, CancellationToken ct = default)
    {
        var index = Calls.FindIndex(c => c.CallId == callId && c.EndedAt is not null && !c.HasDisposition);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        Calls[index] = Calls[index] with
        {
            DispositionCodeId = codeId,
            DispositionLabel = Codes.FirstOrDefault(c => c.Id == codeId)?.Label,
            DispositionNote = note,
            DispositionBy = byName,
            DispositionAt = at,
        };
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<CallRecord>> GetCallerHistoryAsync(string callerKey, string? exceptCallId, int limit, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CallRecord>>(Calls.Where(c => c.CallerKey == callerKey && c.CallId != exceptCallId && c.EndedAt is not null)
            .OrderByDescending(c => c.WaitingSince).Take(limit).ToList());

    public Task<IReadOnlyList<CallRecord>> GetCallsSinceAsync(DateTimeOffset since, int limit, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CallRecord>>(Calls.Where(c => c.WaitingSince >= since).OrderByDescending(c => c.WaitingSince).Take(limit).ToList());
}
