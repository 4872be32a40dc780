using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Supervision;

/// <summary>
/// One call's supervisor buttons. A button is disabled, with the reason as its tooltip, wherever
/// <see cref="SupervisorActions.WhyNot"/> refuses it, the same rule the call center enforces.
/// </summary>
public partial class ModeButtons
{
    private static readonly SupervisorAction[] s_single =
    [
        SupervisorAction.Monitor, SupervisorAction.Whisper, SupervisorAction.Barge,
        SupervisorAction.TakeOver, SupervisorAction.Consult, SupervisorAction.Leave,
    ];

    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);

    [Parameter]
    [EditorRequired]
    public LiveCallView Call { get; set; } = default!;

    [Parameter]
    [EditorRequired]
    public string SupervisorUserId { get; set; } = "";

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<SupervisorActionRequest> OnAction { get; set; }

    private static string Describe(SupervisorAction action) => action switch
    {
        SupervisorAction.Monitor => "Listen silently: nobody hears you.",
        SupervisorAction.Whisper => "Coach the agent: the customer does not hear you.",
        SupervisorAction.GroupWhisper => "Coach the selected agents: the customer does not hear you.",
        SupervisorAction.Barge => "Join the conversation: everyone hears you.",
        SupervisorAction.TakeOver => "Replace the agent: only you talk with the customer.",
        SupervisorAction.Consult => "Talk privately with the agent: the customer is on hold.",
        _ => "Leave the call.",
    };

    private string? WhyNot(SupervisorAction action) =>
        SupervisorActions.WhyNot(Call, SupervisorUserId, action, CoachedAgents().Count);

    private bool IsCurrent(SupervisorAction action) =>
        Call.HasSupervisor(SupervisorUserId) && SupervisorActions.ModeOf(action) == Call.Mode;

    /// <summary>The selection, limited to agents still in the call (one may have left since it was ticked).</summary>
    private List<string> CoachedAgents() => Call.Agents.Select(a => a.ParticipantId).Where(_selected.Contains).ToList();

    private void Select(string agentParticipantId, bool on)
    {
        if (on)
        {
            _selected.Add(agentParticipantId);
        }
        else
        {
            _selected.Remove(agentParticipantId);
        }
    }

    private Task RaiseAsync(SupervisorAction action) =>
        OnAction.InvokeAsync(new SupervisorActionRequest(
            Call.CallId, action, action == SupervisorAction.GroupWhisper ? CoachedAgents() : []));
}
