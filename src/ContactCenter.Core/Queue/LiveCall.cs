using ContactCenter.Core.CallModes;

namespace ContactCenter.Core.Queue;

/// <summary>The mutable state of one call inside <see cref="CallCenter"/>; pages only ever see <see cref="LiveCallView"/>.</summary>
internal sealed class LiveCall
{
    public LiveCall(string callId, string customerParticipantId, string customerName, string customerTag, DateTimeOffset waitingSince)
    {
        CallId = callId;
        CustomerParticipantId = customerParticipantId;
        CustomerName = customerName;
        CustomerTag = customerTag;
        WaitingSince = waitingSince;
    }

    public string CallId { get; }

    public string CustomerParticipantId { get; }

    public string CustomerName { get; }

    public string CustomerTag { get; }

    public DateTimeOffset WaitingSince { get; }

    public DateTimeOffset? ConnectedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public CallMode Mode { get; set; } = CallMode.FullyWired;

    public List<CallMember> Agents { get; } = [];

    public List<CallMember> Supervisors { get; } = [];

    /// <summary>The agent participants coached in the current mode (Whisper: all agents; GroupWhisper: the selected ones).</summary>
    public List<string> Whispered { get; } = [];

    /// <summary>The hash of the secret the customer's browser holds to rejoin after a reload (null: none issued).</summary>
    public string? CustomerResumeHash { get; set; }

    /// <summary>Who the caller is across calls ("tel:+15550100", "web:&lt;browser id&gt;"); null when unknown. Finds the caller's history.</summary>
    public string? CallerKey { get; init; }

    /// <summary>Members whose browser is gone, since when (they are removed after the grace period). Not stored.</summary>
    public Dictionary<string, DateTimeOffset> Absent { get; } = new(StringComparer.Ordinal);

    public bool IsEnded => EndedAt is not null;

    public IEnumerable<string> ParticipantIds =>
        new[] { CustomerParticipantId }.Concat(Agents.Select(a => a.ParticipantId)).Concat(Supervisors.Select(s => s.ParticipantId));

    public LiveCallView ToView(CallState state, int? position) => new(
        CallId,
        CustomerParticipantId,
        CustomerName,
        CustomerTag,
        state,
        WaitingSince,
        ConnectedAt,
        EndedAt,
        Mode,
        Agents.ToList(),
        Supervisors.ToList(),
        Whispered.ToList(),
        position,
        CallerKey);
}
