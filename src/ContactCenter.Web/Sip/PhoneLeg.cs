using ContactCenter.Media.Phones;
using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Web.Sip;

/// <summary>
/// One phone's place in the control plane: the participant it is, its session, and whether a trunk call
/// created both (then the call queue owns the call and hears when the phone hangs up).
/// </summary>
internal sealed record PhoneLeg(string AccountId, string SessionId, string ParticipantId, bool FromTrunk)
{
    /// <summary>The phone in the SFU once the call is established.</summary>
    public PhoneMediaEndpoint? Endpoint { get; set; }

    public SipCall? Call { get; set; }
}
