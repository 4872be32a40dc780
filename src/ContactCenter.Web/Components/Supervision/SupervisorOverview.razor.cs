using ContactCenter.Core.Auditing;
using ContactCenter.Core.Desks;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Identity;
using ContactCenter.Web.Ui;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ContactCenter.Web.Components.Supervision;

/// <summary>
/// The top of the supervisor console: the wallboard, the agents' roster with time in state, the queue with
/// "assign to", and today's ended calls whose mode-change audit opens on a click. Reads today's calls from the
/// database again whenever the set of live calls changes.
/// </summary>
public partial class SupervisorOverview
{
    private IReadOnlyList<StaffUser> _agents = [];
    private IReadOnlyList<CallRecord> _today = [];
    private int _targetSeconds = DeskSettings.DefaultServiceLevelTargetSeconds;
    private string? _loadedKey;
    private bool _busy;
    private string? _auditCallId;
    private IReadOnlyList<ModeChangeAudit> _audit = [];

    [Inject]
    private IDeskStore Store { get; set; } = default!;

    [Inject]
    private StaffDirectory Staff { get; set; } = default!;

    [Inject]
    private AgentStateClock Clock { get; set; } = default!;

    [Inject]
    private CallCenter Center { get; set; } = default!;

    [Inject]
    private IModeAuditLog AuditLog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<LiveCallView> Calls { get; set; } = [];

    [Parameter, EditorRequired]
    public StaffMember Me { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    private WallboardFigures Figures => WallboardFigures.Compute(_today, Calls, Now, _targetSeconds);

    private IReadOnlyList<LiveCallView> WaitingCalls => Calls.Where(c => c.State is CallState.Waiting or CallState.Offered).ToList();

    private IReadOnlyList<CallRecord> EndedToday => _today.Where(c => c.EndedAt is not null).ToList();

    private IReadOnlyList<RosterRow> Roster
    {
        get
        {
            var states = Clock.Snapshot();
            return _agents.Select(a => states.TryGetValue(a.Id, out var s)
                    ? new RosterRow(a.Id, a.Name, s.Status, s.Since)
                    : new RosterRow(a.Id, a.Name, AgentStatus.Away, null))
                .ToList();
        }
    }

    private IReadOnlyList<RosterRow> Assignable
    {
        get
        {
            var offered = Center.AgentStates.Where(s => s.OfferedCallId is not null).Select(s => s.UserId).ToHashSet(StringComparer.Ordinal);
            return Roster.Where(r => r.Status == AgentStatus.Available && !offered.Contains(r.UserId)).ToList();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _agents = (await Staff.ListAsync()).Where(u => u.Roles.Contains(AppRoles.Agent) && !u.Disabled).ToList();
        _targetSeconds = (await Store.GetSettingsAsync()).ServiceLevelTargetSeconds;
    }

    protected override async Task OnParametersSetAsync()
    {
        var key = string.Join(',', Calls.Select(c => $"{c.CallId}:{c.State}"));
        if (key == _loadedKey)
        {
            return;
        }

        _loadedKey = key;
        var dayStart = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero);
        _today = await Store.GetCallsSinceAsync(dayStart, 1000);
    }

    private async Task AssignAsync((string CallId, string AgentUserId) choice)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Center.AssignAsync(Me, choice.CallId, choice.AgentUserId);
            if (!result.IsSuccess)
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SelectAsync(string callId)
    {
        _auditCallId = callId == _auditCallId ? null : callId;
        _audit = _auditCallId is null ? [] : await AuditLog.ListAsync(Center.AccountId, _auditCallId);
    }
}
