using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Calls;

/// <summary>A call offered to this agent: who, how long they wait, accept or decline.</summary>
public partial class OfferCard
{
    [Parameter]
    [EditorRequired]
    public OfferView Offer { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback OnAccept { get; set; }

    [Parameter]
    public EventCallback OnDecline { get; set; }

    private int SecondsLeft => Math.Max(0, (int)Math.Ceiling((Offer.ExpiresAt - Now).TotalSeconds));
}
