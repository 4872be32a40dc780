using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.Desks;

/// <summary>
/// The agent's wrap-up after a call: the desk asks for the call just ended and the codes (<see cref="GetAsync"/>),
/// the agent submits a code and a note (<see cref="SubmitAsync"/>), which stores them with the call and makes the
/// agent Available at once. While codes exist, an agent cannot leave Wrap-up by choosing a status before submitting
/// (<see cref="SetStatusAsync"/>); when the wrap-up time runs out, the call center makes the agent Available anyway and
/// the call stays without a code. The caller's earlier calls come from <see cref="GetCallerHistoryAsync"/>.
/// </summary>
public sealed class WrapUpDesk
{
    public const int MaxNoteLength = 1000;
    public const int HistoryLength = 10;

    private readonly IDeskStore _store;
    private readonly CallCenter _center;
    private readonly TimeProvider _time;

    public WrapUpDesk(IDeskStore store, CallCenter center, TimeProvider time)
    {
        _store = store;
        _center = center;
        _time = time;
    }

    /// <summary>The agent's wrap-up, or null when the agent is not wrapping up or already submitted it.</summary>
    public async Task<WrapUp?> GetAsync(StaffMember agent, CancellationToken ct = default)
    {
        var desk = _center.GetAgentDesk(agent.UserId);
        if (desk.Status != AgentStatus.WrapUp)
        {
            return null;
        }

        var call = await _store.FindLastCallOfAgentAsync(agent.UserId, ct);
        if (call is null || call.HasDisposition)
        {
            return null;
        }

        var codes = (await _store.GetCodesAsync(ct)).Where(c => c.IsActive).ToList();
        return new WrapUp(call, codes, desk.WrapUpUntil);
    }

    /// <summary>
    /// Stores the agent's code and note with its last call and ends the wrap-up (the agent is Available). Refused for
    /// another call than the agent's last one, a second submission, a missing code while codes exist, a retired or
    /// unknown code, and a note longer than <see cref="MaxNoteLength"/>.
    /// </summary>
    public async Task<CallResult> SubmitAsync(StaffMember agent, string callId, string? codeId, string? note, CancellationToken ct = default)
    {
        if (!agent.IsAgent)
        {
            return CallError.Forbidden("Only agents wrap up calls.");
        }

        var text = note?.Trim() ?? "";
        if (text.Length > MaxNoteLength)
        {
            return CallError.Validation($"The note is too long ({text.Length} characters, at most {MaxNoteLength}).");
        }

        var last = await _store.FindLastCallOfAgentAsync(agent.UserId, ct);
        if (last is null || last.CallId != callId)
        {
            return CallError.NotFound("This is not your last call: only the call you just ended can be wrapped up.");
        }

        if (last.HasDisposition)
        {
            return CallError.Conflict("This call is already wrapped up.");
        }

        var codes = (await _store.GetCodesAsync(ct)).Where(c => c.IsActive).ToList();
        codeId = string.IsNullOrWhiteSpace(codeId) ? null : codeId;
        if (codeId is null && codes.Count > 0)
        {
            return CallError.Validation("Please pick a disposition code.");
        }

        if (codeId is not null && !codes.Any(c => c.Id == codeId))
        {
            return CallError.Validation("That disposition code is not offered any more: please pick another one.");
        }

        if (!await _store.SaveDispositionAsync(callId, codeId, text, agent.Name, _time.GetUtcNow(), ct))
        {
            return CallError.Conflict("This call is already wrapped up.");
        }

        return _center.GetAgentDesk(agent.UserId).Status == AgentStatus.WrapUp
            ? await _center.SetAgentStatusAsync(agent, AgentStatus.Available, ct)
            : CallResult.Success;
    }

    /// <summary>
    /// The agent chooses a status. While wrapping up a call that still needs a code, that is refused: the agent
    /// submits the wrap-up first (or waits for its time to run out).
    /// </summary>
    public async Task<CallResult> SetStatusAsync(StaffMember agent, AgentStatus status, CancellationToken ct = default)
    {
        if (agent.IsAgent && _center.GetAgentDesk(agent.UserId).Status == AgentStatus.WrapUp
            && await GetAsync(agent, ct) is { CodeRequired: true })
        {
            return CallError.Validation("Please pick a disposition code for your last call first.");
        }

        return await _center.SetAgentStatusAsync(agent, status, ct);
    }

    /// <summary>The caller's earlier calls (newest first), without the call on the desk. Empty for an unknown caller.</summary>
    public async Task<IReadOnlyList<CallRecord>> GetCallerHistoryAsync(string? callerKey, string? exceptCallId, CancellationToken ct = default) =>
        callerKey is null ? [] : await _store.GetCallerHistoryAsync(callerKey, exceptCallId, HistoryLength, ct);
}
