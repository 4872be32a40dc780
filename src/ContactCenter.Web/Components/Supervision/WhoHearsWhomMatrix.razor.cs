using System.Globalization;
using ContactCenter.Core.Monitoring;
using ContactCenter.Core.Routing;
using ContactCenter.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Supervision;

/// <summary>
/// Who hears whom in one call, drawn from the media plane's edges (not from the intended mode), in people's words:
/// "hears" / "does not hear", with a live dot while the packet count grows between two refreshes; the counts stay in
/// each cell's tooltip. Participants that appear only in edges get a row and column too, so an unexpected edge is
/// never hidden.
/// </summary>
public partial class WhoHearsWhomMatrix
{
    private List<MatrixMember> _members = [];
    private Dictionary<(string Publisher, string Subscriber), List<MediaEdgeSnapshot>> _edges = [];
    private Dictionary<(string Publisher, string Subscriber), long> _previousPackets = [];
    private Dictionary<(string Publisher, string Subscriber), long> _samplePackets = [];
    private Dictionary<(string Publisher, string Subscriber), long> _packets = [];
    private IReadOnlyList<MediaEdgeSnapshot>? _countedEdges;
    private int? _countedSample;

    [Parameter]
    [EditorRequired]
    public IReadOnlyList<MatrixMember> Members { get; set; } = [];

    [Parameter]
    [EditorRequired]
    public IReadOnlyList<MediaEdgeSnapshot> Edges { get; set; } = [];

    [Parameter]
    public bool HasCounters { get; set; }

    /// <summary>
    /// The counter sample <see cref="Edges"/> belong to. Null: every new edge list is a sample. A new list with the
    /// same sample (re-read because an edge changed, moments after the last sample) updates the counts but keeps
    /// comparing with the sample before, so that a few milliseconds without a packet do not read as "silent".
    /// </summary>
    [Parameter]
    public int? Sample { get; set; }

    protected override void OnParametersSet()
    {
        _members = Members.ToList();
        var known = _members.Select(m => m.ParticipantId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Edges.SelectMany(e => new[] { e.PublisherId, e.SubscriberId }))
        {
            if (known.Add(id))
            {
                _members.Add(new MatrixMember(id, id.Length > 8 ? id[..8] : id, "unknown"));
            }
        }

        _edges = Edges
            .GroupBy(e => (e.PublisherId, e.SubscriberId))
            .ToDictionary(g => g.Key, g => g.ToList());

        // The counts of the last refresh, so that a cell is "live" only while its count keeps growing. A re-render
        // with the same snapshot (another part of the page changed) must not read as "no growth".
        if (ReferenceEquals(Edges, _countedEdges))
        {
            return;
        }

        _countedEdges = Edges;
        _packets = _edges.ToDictionary(e => e.Key, e => e.Value.Sum(x => x.Packets ?? 0));
        if (Sample is null || Sample != _countedSample)
        {
            _countedSample = Sample;
            _previousPackets = _samplePackets;
            _samplePackets = _packets;
        }
    }

    private Cell CellOf(MatrixMember speaker, MatrixMember listener)
    {
        var key = (speaker.ParticipantId, listener.ParticipantId);
        if (!_edges.TryGetValue(key, out var edges))
        {
            return new Cell(false, false, "does not hear", "cc-off", $"{listener.Label} does not hear {speaker.Label}.");
        }

        var everything = edges.Any(e => e.Alias == ForwardingEdge.AnyAlias);
        var what = everything ? "" : string.Join(", ", edges.Select(e => Labels.Stream(e.Alias)).Distinct());
        var text = everything ? "hears" : $"hears ({what})";
        var heard = everything ? speaker.Label : $"{speaker.Label}'s {what}";
        if (!HasCounters)
        {
            return new Cell(true, false, text, "cc-on", $"{listener.Label} hears {heard} (planned by the call mode).");
        }

        var packets = _packets[key];
        var growing = _previousPackets.TryGetValue(key, out var before) ? packets > before : packets > 0;
        var counts = string.Create(CultureInfo.InvariantCulture, $"{packets:N0} packets forwarded");
        return growing
            ? new Cell(true, true, text, "cc-on cc-flowing", $"{listener.Label} hears {heard}: sound is flowing ({counts}).")
            : new Cell(true, false, $"{text}, silent", "cc-on cc-stalled", $"{listener.Label} can hear {heard}, but no sound arrives right now ({counts}).");
    }

    private readonly record struct Cell(bool Hears, bool Live, string Text, string CssClass, string Title);
}
