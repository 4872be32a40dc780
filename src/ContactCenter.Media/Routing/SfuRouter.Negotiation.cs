using System.Security.Cryptography;
using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

public sealed partial class SfuRouter
{
    /// <summary>
    /// Applies the subscriber's answer to its pending offer. Streams newly carried become live (the table is
    /// rebuilt), streamAvailable goes out, and the publishers of new video streams are asked for a keyframe.
    /// </summary>
    public void AcceptAnswer(SfuParticipant subscriber, string answerSdp, int sdpRevision)
    {
        var keyframes = new List<PublishedTrack>();
        lock (_gate)
        {
            if (!subscriber.IsActive || subscriber.Subscribe is not { } connection)
            {
                throw new MediaSignalingException("There is no subscribe offer to answer.");
            }

            if (subscriber.PendingRevision == 0 || sdpRevision != subscriber.PendingRevision)
            {
                throw new MediaSignalingException(
                    $"The answer is for sdpRevision {sdpRevision}, but the pending offer is revision {subscriber.PendingRevision}.");
            }

            IReadOnlyList<IReadOnlyList<NegotiatedCodec>> codecs;
            try
            {
                codecs = connection.ApplyAnswer(answerSdp);
            }
            catch (FormatException ex)
            {
                throw new MediaSignalingException("The answer was refused: " + ex.Message, ex);
            }

            subscriber.AnsweredRevision = subscriber.PendingRevision;
            subscriber.PendingRevision = 0;
            foreach (var slot in subscriber.Slots)
            {
                slot.Codecs = slot.Index < codecs.Count ? codecs[slot.Index] : [];
                if (slot.Track is { } track && slot.OfferedRevision != 0 && !slot.Announced)
                {
                    slot.Announced = true;
                    subscriber.Signal.StreamAvailable(slot.Describe(track.Owner.Id));
                    if (IsVideo(track))
                    {
                        keyframes.Add(track);
                    }
                }
            }

            RouterLog.Answered(_logger, subscriber.Id, subscriber.AnsweredRevision);
            RebuildTable();
            if (subscriber.NeedsOffer)
            {
                subscriber.NeedsOffer = false;
                Offer(subscriber);
            }
        }

        if (subscriber.Subscribe?.IsConnected == true)
        {
            foreach (var track in keyframes)
            {
                RequestKeyframe(track, force: true);
            }
        }

        RaiseChanged(subscriber.SessionId);
    }

    /// <summary>A new offer for the same m-lines (the client lost its connection state or wants an ICE restart).</summary>
    public void RequestOffer(SfuParticipant subscriber)
    {
        lock (_gate)
        {
            if (!subscriber.IsActive || subscriber.Slots.Count == 0)
            {
                return;
            }

            if (subscriber.PendingRevision != 0)
            {
                subscriber.NeedsOffer = true;
                return;
            }

            Offer(subscriber);
        }
    }

    /// <summary>The subscribe connection finished DTLS: start every video stream it carries on a keyframe.</summary>
    internal void OnSubscribeConnected(SfuParticipant subscriber)
    {
        List<PublishedTrack> video = [];
        lock (_gate)
        {
            foreach (var slot in subscriber.Slots)
            {
                if (slot.Track is { } track && IsVideo(track))
                {
                    video.Add(track);
                }
            }
        }

        foreach (var track in video)
        {
            RequestKeyframe(track, force: true);
        }
    }

    /// <summary>
    /// Brings every subscriber's slots in line with the edges and published tracks, offers where bindings
    /// changed, and publishes a new forwarding table. Returns the number of live targets. Under the lock.
    /// </summary>
    private int Reconcile()
    {
        foreach (var subscriber in _participants.Values)
        {
            if (Rebind(subscriber))
            {
                if (subscriber.PendingRevision != 0)
                {
                    subscriber.NeedsOffer = true;
                }
                else
                {
                    Offer(subscriber);
                }
            }
        }

        return RebuildTable();
    }

    /// <summary>Frees slots whose track is no longer wanted and binds wanted tracks to free or new slots.</summary>
    private bool Rebind(SfuParticipant subscriber)
    {
        var wanted = WantedTracks(subscriber);
        bool changed = false;
        foreach (var slot in subscriber.Slots)
        {
            if (slot.Track is { } track && !wanted.Contains(track))
            {
                if (slot.Announced)
                {
                    subscriber.Signal.StreamUnavailable(slot.Describe(track.Owner.Id));
                }

                slot.Track = null;
                slot.Ssrc = 0;
                slot.OfferedRevision = 0;
                slot.Announced = false;
                changed = true;
            }
        }

        foreach (var track in wanted)
        {
            if (subscriber.SlotOf(track) is not null)
            {
                continue;
            }

            var slot = subscriber.Slots.Find(s => s.Track is null && s.Kind == track.Kind);
            if (slot is null)
            {
                slot = new SubscriberSlot(subscriber.Slots.Count, track.Kind);
                subscriber.Slots.Add(slot);
            }

            slot.Track = track;
            slot.Ssrc = NewSsrc(subscriber);
            slot.TrackId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            slot.OfferedRevision = 0;
            slot.Announced = false;
            changed = true;
        }

        if (changed)
        {
            subscriber.PublishSlots();
        }

        return changed;
    }

    private HashSet<PublishedTrack> WantedTracks(SfuParticipant subscriber)
    {
        var wanted = new HashSet<PublishedTrack>();
        if (!subscriber.IsActive)
        {
            return wanted;
        }

        foreach (var edges in _sessions.Values)
        {
            foreach (var edge in edges)
            {
                if (edge.SubscriberId != subscriber.Id || edge.PublisherId == subscriber.Id
                    || !_participants.TryGetValue(edge.PublisherId, out var publisher))
                {
                    continue;
                }

                foreach (var track in publisher.Tracks)
                {
                    if (edge.Covers(track.Alias))
                    {
                        wanted.Add(track);
                    }
                }
            }
        }

        return wanted;
    }

    /// <summary>Sends a server offer with every slot (RFC 3264 §8: m-lines are never removed, only reused).</summary>
    private void Offer(SfuParticipant subscriber)
    {
        if (subscriber.Slots.Count == 0)
        {
            return;
        }

        subscriber.Subscribe ??= _subscribeFactory(this, subscriber);
        var lines = new List<OutgoingLine>(subscriber.Slots.Count);
        var streams = new List<OfferedStream>();
        foreach (var slot in subscriber.Slots)
        {
            if (slot.Track is { } track)
            {
                lines.Add(new OutgoingLine(slot.Kind, true, slot.Ssrc, track.StreamId, slot.TrackId));
                streams.Add(slot.Describe(track.Owner.Id));
            }
            else
            {
                lines.Add(new OutgoingLine(slot.Kind, false, 0, string.Empty, string.Empty));
            }
        }

        var sdp = subscriber.Subscribe.CreateOffer(lines);
        int revision = ++subscriber.SdpRevision;
        subscriber.PendingRevision = revision;
        foreach (var slot in subscriber.Slots)
        {
            if (slot.Track is not null && slot.OfferedRevision == 0)
            {
                slot.OfferedRevision = revision;
            }
        }

        RouterLog.Offered(_logger, subscriber.Id, revision, lines.Count);
        subscriber.Signal.SendOffer(new SubscribeOffer(subscriber.Id, sdp, revision, streams));
    }

    private static uint NewSsrc(SfuParticipant subscriber)
    {
        while (true)
        {
            uint ssrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
            if (!subscriber.Slots.Exists(s => s.Ssrc == ssrc))
            {
                return ssrc;
            }
        }
    }
}
