using System.Threading.Channels;
using ContactCenter.Core.Domain;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// One participant's signaling session over the SFU, whatever the front door: publish (client offers), answer
/// (to server offers), unpublish, ICE restart, leave. Server events are queued and delivered one at a time in
/// the order the router produced them (an offer always precedes the streamAvailable that depends on it).
/// </summary>
public sealed class ParticipantSignaling : ISfuSignal, IAsyncDisposable
{
    private readonly SfuConnections _connections;
    private readonly ISignalingClient _client;
    private readonly ILogger _logger;
    private readonly Channel<Func<ISignalingClient, Task>> _outbox =
        Channel.CreateUnbounded<Func<ISignalingClient, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;
    private SfuParticipant? _participant;
    private int _ended;

    internal ParticipantSignaling(
        SfuConnections connections,
        ISignalingClient client,
        string participantId,
        string? sessionId,
        IReadOnlyList<PublishPermission> permissions,
        ILogger logger)
    {
        _connections = connections;
        _client = client;
        _logger = logger;
        ParticipantId = participantId;
        SessionId = sessionId;
        PublishPermissions = [.. permissions.Select(p => p.ToString().ToUpperInvariant())];
        _pump = Task.Run(PumpAsync);
    }

    public string ParticipantId { get; }

    public string? SessionId { get; }

    public IReadOnlyList<string> PublishPermissions { get; }

    /// <summary>The client device (Bandwidth's uniqueId, or generated), for webhooks.</summary>
    public string DeviceId { get; internal init; } = string.Empty;

    public string? Tag { get; internal init; }

    public string? CallbackUrl { get; internal init; }

    internal IReadOnlyList<ISignalingObserver> Observers { get; init; } = [];

    internal SubscribeConnectionOverrides? Overrides { get; init; }

    internal Func<SfuParticipant, ISubscribeConnection>? SubscribeFactory { get; init; }

    /// <summary>This connection's slot among its participant's open connections; given back when it ends.</summary>
    internal IDisposable? ConnectionLease { get; init; }

    /// <summary>Most m-lines a publish offer may have (<c>Limits:SdpMediaLines</c>).</summary>
    internal int MaxSdpMediaLines { get; init; } = 32;

    /// <summary>The SFU's view of this participant (for diagnostics and tests).</summary>
    public SfuParticipant Participant => _participant ?? throw new InvalidOperationException("Not attached.");

    /// <summary>The revision of the latest subscribe offer (a door whose answers carry no revision answers this one).</summary>
    public int SdpRevision => Participant.SdpRevision;

    public ConnectResult Describe() => new(ParticipantId, SessionId, PublishPermissions);

    /// <summary>
    /// Answers a publish offer. <paramref name="streams"/> is the whole set of streams published after it (mid →
    /// alias). Refused (nothing changes) when a stream's kind is outside the participant's publishPermissions.
    /// </summary>
    public PublishResult Publish(string sdp, IReadOnlyList<PublishStreamDto> streams)
    {
        CheckOffer(sdp);
        var requests = new List<PublishStreamRequest>(streams.Count);
        foreach (var stream in streams)
        {
            requests.Add(new PublishStreamRequest(stream.Mid, stream.Alias));
        }

        var answer = Guard(() => _connections.Publish(Participant, sdp, requests));
        var published = new List<PublishedStreamDto>(answer.Tracks.Count);
        foreach (var track in answer.Tracks)
        {
            published.Add(new PublishedStreamDto(track.StreamId, track.Mid, track.Alias, MediaType(track.Kind)));
        }

        return new PublishResult(answer.Sdp, published);
    }

    /// <summary>
    /// Refuses (<see cref="SignalingRefusedException"/>) a publish offer with more m-lines than allowed, on its text,
    /// before anything parses it. <see cref="Publish"/> calls it; a door that reads the offer itself calls it first.
    /// </summary>
    public void CheckOffer(string sdp)
    {
        try
        {
            SdpMediaLineLimit.Check(sdp, MaxSdpMediaLines);
        }
        catch (SignalingRefusedException ex)
        {
            SignalingLog.RequestRefused(_logger, ParticipantId, ex.Message);
            throw;
        }
    }

    /// <summary>The client's answer to the subscribe offer of <paramref name="sdpRevision"/>.</summary>
    public void Answer(string sdp, int sdpRevision) => Guard(() =>
    {
        _connections.Router.AcceptAnswer(Participant, sdp, sdpRevision);
        return true;
    });

    /// <summary>Stops forwarding the streams published with <paramref name="alias"/>.</summary>
    public bool Unpublish(string alias) => _connections.Router.Unpublish(Participant, alias);

    /// <summary>A fresh offer for the subscribe connection (the client restarts ICE or lost its state).</summary>
    public void RequestOffer() => _connections.Router.RequestOffer(Participant);

    /// <summary>Leaves the SFU: both connections close and no more events are sent. Idempotent.</summary>
    public void Leave(string reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            foreach (var observer in Observers)
            {
                observer.Left(this, reason);
            }
        }

        LeaveSfu(reason);
    }

    /// <summary>Like <see cref="Leave"/>, for a transport that went away without saying leave. Idempotent.</summary>
    public void Disconnect(string reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            foreach (var observer in Observers)
            {
                observer.Disconnected(this, reason);
            }
        }

        LeaveSfu(reason);
    }

    private void LeaveSfu(string reason)
    {
        if (_participant is { } participant)
        {
            _connections.Router.Leave(participant, reason);
        }

        if (SubscribeFactory is { } factory)
        {
            Overrides?.Clear(ParticipantId, factory);
        }

        _outbox.Writer.TryComplete();
        ConnectionLease?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Leave("disposed");
        await _pump.ConfigureAwait(false);
    }

    void ISfuSignal.SendOffer(SubscribeOffer offer)
    {
        var streams = new List<StreamMetadata>(offer.Streams.Count);
        foreach (var stream in offer.Streams)
        {
            streams.Add(Metadata(stream));
        }

        var message = new SdpOfferMessage(offer.Sdp, offer.SdpRevision, streams);
        _outbox.Writer.TryWrite(client => client.OfferAsync(message));
    }

    void ISfuSignal.StreamAvailable(OfferedStream stream)
    {
        var message = Metadata(stream);
        _outbox.Writer.TryWrite(client => client.StreamAvailableAsync(message));
    }

    void ISfuSignal.StreamUnavailable(OfferedStream stream)
    {
        var message = Metadata(stream);
        _outbox.Writer.TryWrite(client => client.StreamUnavailableAsync(message));
    }

    internal void Attach(SfuParticipant participant) => _participant = participant;

    private static StreamMetadata Metadata(OfferedStream stream) =>
        new(stream.StreamId, stream.PublisherId, stream.Alias, [MediaType(stream.Kind)], stream.Mid, stream.Ssrc);

    private static string MediaType(MediaKind kind) => kind == MediaKind.Audio ? "AUDIO" : "VIDEO";

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (MediaSignalingException ex)
        {
            SignalingLog.RequestRefused(_logger, ParticipantId, ex.Message);
            throw new SignalingRefusedException(ex.Message, ex);
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var send in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await send(_client).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                SignalingLog.DeliveryFailed(_logger, ParticipantId, ex);
            }
        }
    }
}
