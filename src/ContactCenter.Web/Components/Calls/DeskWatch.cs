using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Components.Calls;

/// <summary>
/// Follows the agent desk from one view to the next and says what the person must be told: an offer started or
/// stopped ringing, or an offer rang out and the queue set the agent Away (which nobody clicked). The agent's own
/// clicks (a status, a decline) are bracketed by <see cref="AgentActed"/> and <see cref="ActionDone"/>, so what they
/// change is never taken for a missed call, however the page's refreshes interleave with them.
/// </summary>
public sealed class DeskWatch
{
    private AgentDeskView? _last;
    private bool _acting;

    /// <summary>The offer rang out and the agent was set Away; cleared when they pick a status or get a call.</summary>
    public bool MissedCall { get; private set; }

    /// <summary>The agent clicked a status or declined: changes until <see cref="ActionDone"/> are theirs.</summary>
    public void AgentActed()
    {
        _acting = true;
        MissedCall = false;
    }

    /// <summary>The click's work is done and observed.</summary>
    public void ActionDone() => _acting = false;

    public DeskChange Observe(AgentDeskView desk)
    {
        var before = _last;
        _last = desk;

        var offerBefore = before?.Offer?.CallId;
        var offerNow = desk.Offer?.CallId;
        if (desk.Offer is not null || desk.Call is not null)
        {
            MissedCall = false;
        }
        else if (offerBefore is not null && desk.Status == AgentStatus.Away && before!.Status != AgentStatus.Away && !_acting)
        {
            MissedCall = true;
        }

        if (offerNow == offerBefore)
        {
            return new DeskChange(null, false);
        }

        return new DeskChange(desk.Offer, offerBefore is not null && offerNow is null);
    }
}

/// <summary>What changed on the desk: a new offer that must ring, or the end of ringing.</summary>
public readonly record struct DeskChange(OfferView? StartRinging, bool StopRinging);
