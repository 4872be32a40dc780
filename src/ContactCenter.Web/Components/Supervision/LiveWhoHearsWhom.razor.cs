using ContactCenter.Core.Monitoring;
using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Supervision;

/// <summary>
/// The who-hears-whom matrix of one call, kept live without polling the edge set: it re-reads the call's edges
/// when the media plane says that session's edges changed (<see cref="IMediaSnapshotSource.EdgesChanged"/>), when
/// the page hands it a new view of the call (someone joined or left), and, only when the source measures counters,
/// every <see cref="CounterInterval"/> for the packet counts behind the live dot and the tooltips. An event for
/// another session reads nothing.
/// </summary>
public sealed partial class LiveWhoHearsWhom : ComponentBase, IDisposable
{
    /// <summary>How often the packet counters are sampled (the live dot compares two samples).</summary>
    public static readonly TimeSpan CounterInterval = TimeSpan.FromSeconds(2);

    private IReadOnlyList<MatrixMember> _members = [];
    private IReadOnlyList<MediaEdgeSnapshot> _edges = [];
    private LiveCallView? _shown;
    private string? _shownKey;
    private volatile string? _sessionId;
    private int _sample;
    private IDisposable? _subscription;
    private ITimer? _clock;
    private volatile bool _disposed;

    [Inject]
    private IMediaSnapshotSource Snapshots { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The call to show; its edges are read again when it is another call or its members changed.</summary>
    [Parameter]
    [EditorRequired]
    public LiveCallView Call { get; set; } = default!;

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _clock?.Dispose();
    }

    protected override void OnInitialized()
    {
        // A prerendered instance is thrown away right after its HTML is sent: it must not listen or tick.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _subscription = Snapshots.SubscribeEdges(OnEdgesChanged);
        if (Snapshots.HasCounters)
        {
            _clock = Time.CreateTimer(_ => _ = RefreshAsync(null, newSample: true), null, CounterInterval, CounterInterval);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _shown = Call;
        var key = string.Join('|', [Call.CallId, Call.CustomerParticipantId, .. Call.Agents.Select(a => a.ParticipantId), "/", .. Call.Supervisors.Select(s => s.ParticipantId)]);
        if (key == _shownKey)
        {
            return;
        }

        _shownKey = key;
        _sessionId = Call.CallId;
        _members =
        [
            new MatrixMember(Call.CustomerParticipantId, Call.CustomerName, "customer"),
            .. Call.Agents.Select(a => new MatrixMember(a.ParticipantId, a.Name, "agent")),
            .. Call.Supervisors.Select(s => new MatrixMember(s.ParticipantId, s.Name, "supervisor")),
        ];
        await ReadAsync();
    }

    /// <summary>Runs on the thread that changed the edges (the router's, outside its locks): never blocks or throws.</summary>
    private void OnEdgesChanged(string sessionId)
    {
        if (!_disposed && string.Equals(sessionId, _sessionId, StringComparison.Ordinal))
        {
            _ = RefreshAsync(sessionId, newSample: false);
        }
    }

    private async Task RefreshAsync(string? sessionId, bool newSample)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await InvokeAsync(async () =>
            {
                if (_disposed || _shown is null || (sessionId is not null && sessionId != _shown.CallId))
                {
                    return;
                }

                if (newSample)
                {
                    _sample++;
                }

                await ReadAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the check and the render: nothing left to update.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task ReadAsync()
    {
        var call = _shown!;
        var edges = await Snapshots.GetEdgesAsync(call.CallId);
        if (call.CallId == _shown?.CallId)
        {
            _edges = edges;
        }
    }
}
