using System.Globalization;
using ContactCenter.Core.Monitoring;
using ContactCenter.Core.Routing;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Supervision;

/// <summary>
/// Who hears whom in one call, drawn from the media plane's edges (not from the intended mode), with the packet
/// counts when the source measures them. Participants that appear only in edges get a row and column too, so an
/// unexpected edge is never hidden.
/// </summary>
public partial class WhoHearsWhomMatrix
{
    private List<MatrixMember> _members = [];
    private Dictionary<(string Publisher, string Subscriber), List<MediaEdgeSnapshot>> _edges = [];

    [Parameter]
    [EditorRequired]
    public IReadOnlyList<MatrixMember> Members { get; set; } = [];

    [Parameter]
    [EditorRequired]
    public IReadOnlyList<MediaEdgeSnapshot> Edges { get; set; } = [];

    [Parameter]
    public bool HasCounters { get; set; }

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
    }

    private Cell CellOf(string publisher, string subscriber)
    {
        if (!_edges.TryGetValue((publisher, subscriber), out var edges))
        {
            return new Cell(false, "—", "cc-off", "hears nothing");
        }

        var aliases = string.Join(", ", edges.Select(e => e.Alias == ForwardingEdge.AnyAlias ? "all" : e.Alias));
        if (!HasCounters)
        {
            return new Cell(true, aliases, "cc-on", $"hears {aliases} (planned)");
        }

        var packets = edges.Sum(e => e.Packets ?? 0);
        var text = string.Create(CultureInfo.InvariantCulture, $"{aliases} · {packets:N0} pkts");
        return new Cell(true, text, packets > 0 ? "cc-on cc-flowing" : "cc-on cc-stalled", $"hears {aliases}: {packets} packets");
    }

    private readonly record struct Cell(bool Hears, string Text, string CssClass, string Title);
}
