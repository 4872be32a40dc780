using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Components.Calls;

/// <summary>
/// Follows the agent desk from one view to the next and says what the person must be told: an offer started or
/// stopped ringing, or an offer rang out and the queue set the agent Away (which nobody clicked). The agent's own
/// clicks (a status, a decline) are reported first, so they are never taken for a missed call.
/// </summary>
public sealed class DeskWatch
{
    private AgentDeskView? _last;
    private bool _chose;

    /// <summary>The offer rang out and the agent was set Away; cleared when they pick a status or get a call.</summary>
    public bool MissedCall { get; private set; }

    /// <summary>The agent clicked a status or declined: the next change is theirs.</summary>
    public void AgentActed()
    {
        _chose = true;
        MissedCall = false;
    }

    public DeskChange Observe(AgentDeskView desk)
    {
        var before = _last;
        _last = desk;
        var chose = _chose;
        _chose = false;

        var offerBefore = before?.Offer?.CallId;
        var offerNow = desk.Offer?.CallId;
        if (desk.Offer is not null || desk.Call is not null)
        {
            MissedCall = false;
        }
        else if (offerBefore is not null && desk.Status == AgentStatus.Away && before!.Status != AgentStatus.Away && !chose)
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
