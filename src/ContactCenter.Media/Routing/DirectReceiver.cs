using System.Security.Cryptography;
using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The receive side of a member without SDP (a phone leg): a wanted track is bound at once with a new SSRC and
/// becomes a target in the same room change, with no offer, no answer and no thread hop. Tracks of a kind the
/// receiver does not take are never bound.
/// </summary>
internal sealed class DirectReceiver(IDirectReceiver endpoint) : IRoomReceiver
{
    private readonly object _gate = new();
    private readonly Dictionary<PublishedTrack, uint> _bound = [];

    public IDirectReceiver Endpoint { get; } = endpoint;

    public bool Rebind(HashSet<PublishedTrack> wanted)
    {
        lock (_gate)
        {
            bool changed = false;
            List<PublishedTrack>? dropped = null;
            foreach (var track in _bound.Keys)
            {
                if (!wanted.Contains(track))
                {
                    (dropped ??= []).Add(track);
                }
            }

            if (dropped is not null)
            {
                foreach (var track in dropped)
                {
                    _bound.Remove(track);
                }

                changed = true;
            }

            foreach (var track in wanted)
            {
                if (!_bound.ContainsKey(track) && Endpoint.Accepts(track.Kind))
                {
                    _bound[track] = NewSsrc();
                    changed = true;
                }
            }

            if (changed)
            {
                var streams = new List<DirectStream>(_bound.Count);
                foreach (var (track, ssrc) in _bound)
                {
                    streams.Add(new DirectStream(ssrc, track.StreamId));
                }

                Endpoint.SetStreams(streams);
            }

            return false; // nothing to negotiate
        }
    }

    public bool TryGetTarget(PublishedTrack track, out uint ssrc, out IReadOnlyList<NegotiatedCodec> codecs, out IMediaEndpoint? endpoint)
    {
        lock (_gate)
        {
            if (_bound.TryGetValue(track, out ssrc))
            {
                codecs = Endpoint.Codecs;
                endpoint = Endpoint;
                return true;
            }

            codecs = [];
            endpoint = null;
            return false;
        }
    }

    private uint NewSsrc()
    {
        while (true)
        {
            uint ssrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
            if (!_bound.ContainsValue(ssrc))
            {
                return ssrc;
            }
        }
    }
}
