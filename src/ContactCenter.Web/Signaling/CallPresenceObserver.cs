using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// Tells the call center whose page holds a media connection: a participant with none is away and, after the grace
/// period, removed from its call (<see cref="CallCenter.MemberDisconnected"/>). Connections are counted, because a
/// reloaded page's new connection can arrive before the old one is seen to close.
/// </summary>
internal sealed class CallPresenceObserver : ISignalingObserver
{
    private readonly Dictionary<string, int> _connections = new(StringComparer.Ordinal);
    private readonly CallCenter _center;

    public CallPresenceObserver(CallCenter center)
    {
        _center = center;
    }

    public void Connected(ParticipantSignaling signaling)
    {
        lock (_connections)
        {
            _connections[signaling.ParticipantId] = _connections.GetValueOrDefault(signaling.ParticipantId) + 1;
        }

        _center.MemberConnected(signaling.ParticipantId);
    }

    public void Left(ParticipantSignaling signaling, string reason) => Gone(signaling.ParticipantId);

    public void Disconnected(ParticipantSignaling signaling, string reason) => Gone(signaling.ParticipantId);

    private void Gone(string participantId)
    {
        lock (_connections)
        {
            var left = _connections.GetValueOrDefault(participantId) - 1;
            if (left > 0)
            {
                _connections[participantId] = left;
                return;
            }

            _connections.Remove(participantId);
        }

        _center.MemberDisconnected(participantId);
    }
}
