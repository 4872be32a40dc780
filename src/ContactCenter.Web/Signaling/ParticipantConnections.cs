using System.Collections.Concurrent;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// Counts the open signaling connections of each participant, so that one token cannot hold an unbounded number
/// of them (each a <see cref="ParticipantSignaling"/>, an outbox and up to two peers). A lease is taken before the
/// connection joins the SFU and given back once when it ends.
/// </summary>
internal sealed class ParticipantConnections
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly int _max;

    public ParticipantConnections(int max) => _max = max;

    /// <summary>Open connections of <paramref name="participantId"/> (tests and diagnostics).</summary>
    public int OpenFor(string participantId) => _open.GetValueOrDefault(participantId);

    /// <summary>Participants with at least one open connection.</summary>
    public int Participants => _open.Count;

    /// <summary>A lease for one more connection, or null when the participant already holds the maximum.</summary>
    public Lease? TryOpen(string participantId)
    {
        while (true)
        {
            if (_open.TryGetValue(participantId, out int count))
            {
                if (count >= _max)
                {
                    return null;
                }

                if (_open.TryUpdate(participantId, count + 1, count))
                {
                    return new Lease(this, participantId);
                }
            }
            else if (_open.TryAdd(participantId, 1))
            {
                return new Lease(this, participantId);
            }
        }
    }

    private void Close(string participantId)
    {
        while (_open.TryGetValue(participantId, out int count))
        {
            if (count <= 1
                ? _open.TryRemove(new KeyValuePair<string, int>(participantId, count))
                : _open.TryUpdate(participantId, count - 1, count))
            {
                return;
            }
        }
    }

    /// <summary>One open connection; disposing it (once or more) gives the slot back.</summary>
    public sealed class Lease(ParticipantConnections owner, string participantId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Close(participantId);
            }
        }
    }
}
