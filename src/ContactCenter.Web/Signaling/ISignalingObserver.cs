namespace ContactCenter.Web.Signaling;

/// <summary>
/// Told about a participant's signaling lifecycle, whatever the front door (webhooks hang here). Called inline on the
/// signaling path, so an implementation must only queue work and return: it may never block or throw.
/// </summary>
public interface ISignalingObserver
{
    /// <summary>The participant's token was accepted and it joined the SFU.</summary>
    void Connected(ParticipantSignaling signaling);

    /// <summary>The participant said it leaves (an explicit leave call or notification).</summary>
    void Left(ParticipantSignaling signaling, string reason);

    /// <summary>The participant's signaling transport went away without a leave.</summary>
    void Disconnected(ParticipantSignaling signaling, string reason);
}
