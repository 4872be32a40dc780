using ContactCenter.Core.Domain;
using ContactCenter.Core.Tokens;
using ContactCenter.Media.Routing;
using ContactCenter.Web.Protection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// The transport-agnostic signaling service: it authenticates a participant token and opens a
/// <see cref="ParticipantSignaling"/> over the SFU. The SignalR hub (<c>/hubs/rtc</c>) and the Bandwidth v3
/// device door are thin adapters over it; neither can change routing (that is the REST API's alone).
/// </summary>
public sealed class SignalingCore
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SfuConnections _connections;
    private readonly ILogger<SignalingCore> _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ISignalingObserver[] _observers;
    private readonly SubscribeConnectionOverrides _overrides;
    private readonly LimitsOptions _limits;

    public SignalingCore(
        IServiceScopeFactory scopes,
        SfuConnections connections,
        ILoggerFactory loggerFactory,
        IEnumerable<ISignalingObserver> observers,
        SubscribeConnectionOverrides overrides,
        IOptions<LimitsOptions> limits)
    {
        _overrides = overrides;
        _limits = limits.Value;
        Connections = new ParticipantConnections(_limits.SignalingConnectionsPerParticipant);
        _scopes = scopes;
        _observers = [.. observers];
        _connections = connections;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SignalingCore>();
    }

    /// <summary>Open signaling connections per participant (<see cref="LimitsOptions.SignalingConnectionsPerParticipant"/>).</summary>
    internal ParticipantConnections Connections { get; }

    /// <summary>
    /// Validates <paramref name="token"/> (signature, expiry, participant exists, and, when the token names a
    /// session, that the participant is in that session) and registers the participant with the SFU. A previous
    /// connection of the same participant is replaced. Throws <see cref="SignalingRefusedException"/> with the reason.
    /// <paramref name="deviceId"/> names the client device (Bandwidth's uniqueId); one is generated when absent.
    /// </summary>
    public async Task<ParticipantSignaling> ConnectAsync(string? token, ISignalingClient client, CancellationToken ct = default, string? deviceId = null)
    {
        Participant participant;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<ParticipantTokenService>();
            var validation = await tokens.ValidateAsync(token, ct);
            if (!validation.IsValid)
            {
                throw Refuse($"The participant token was refused ({validation.Failure}): {validation.Reason}");
            }

            participant = validation.Participant!;
            var claimed = validation.Claims.SessionId;
            if (claimed is not null && claimed != participant.SessionId)
            {
                throw Refuse(participant.SessionId is null
                    ? $"The token is for session {claimed}, but participant {participant.Id} is not in it."
                    : $"The token is for session {claimed}, but participant {participant.Id} is in session {participant.SessionId}.");
            }
        }

        var lease = Connections.TryOpen(participant.Id)
            ?? throw Refuse($"Participant {participant.Id} already has {_limits.SignalingConnectionsPerParticipant} open signaling " +
                "connections; close one first (Limits:SignalingConnectionsPerParticipant).");
        var signaling = new ParticipantSignaling(_connections, client, participant.Id, participant.SessionId,
            participant.PublishPermissions, _loggerFactory.CreateLogger<ParticipantSignaling>())
        {
            ConnectionLease = lease,
            MaxSdpMediaLines = _limits.SdpMediaLines,
            DeviceId = string.IsNullOrEmpty(deviceId) ? Guid.NewGuid().ToString() : deviceId,
            Tag = participant.Tag,
            CallbackUrl = participant.CallbackUrl,
            Observers = _observers,
            Overrides = _overrides,
            SubscribeFactory = client.SubscribeFactory,
        };

        // Before the join: the router may make the subscribe connection during it. Null clears a previous door's.
        _overrides.Set(participant.Id, client.SubscribeFactory);
        signaling.Attach(_connections.Router.Join(
            participant.Id,
            participant.SessionId,
            participant.CanPublish(PublishPermission.Audio),
            participant.CanPublish(PublishPermission.Video),
            signaling));
        SignalingLog.Connected(_logger, participant.Id, participant.SessionId);
        foreach (var observer in _observers)
        {
            observer.Connected(signaling);
        }

        return signaling;
    }

    private SignalingRefusedException Refuse(string reason)
    {
        SignalingLog.Refused(_logger, reason);
        return new SignalingRefusedException(reason);
    }
}
