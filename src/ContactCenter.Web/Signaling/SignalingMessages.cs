namespace ContactCenter.Web.Signaling;

// Hub and device-protocol messages (records, CONVENTIONS 3). One file: they are one contract.

/// <summary>
/// Reply to connect: who the token says we are and what we may publish ("AUDIO", "VIDEO"), and the ICE servers
/// (TURN with short-lived credentials) the browser passes to RTCPeerConnection; empty without TURN.
/// </summary>
public sealed record ConnectResult(string ParticipantId, string? SessionId, IReadOnlyList<string> PublishPermissions)
{
    public IReadOnlyList<IceServerDto> IceServers { get; init; } = [];
}

/// <summary>One RTCIceServer as the browser takes it: <c>{ urls, username, credential }</c>.</summary>
public sealed record IceServerDto(IReadOnlyList<string> Urls, string Username, string Credential);

/// <summary>One stream of a publish offer: the m-line's mid and the alias it carries.</summary>
public sealed record PublishStreamDto(string Mid, string Alias);

/// <summary>A publish offer (client → server) and the aliases of its m-lines.</summary>
public sealed record PublishRequest(string Sdp, IReadOnlyList<PublishStreamDto> Streams);

/// <summary>A stream the server now forwards for the publisher.</summary>
public sealed record PublishedStreamDto(string StreamId, string Mid, string Alias, string MediaType);

/// <summary>The server's answer on the publish connection.</summary>
public sealed record PublishResult(string Sdp, IReadOnlyList<PublishedStreamDto> Streams);

/// <summary>The client's answer to a subscribe offer of revision <paramref name="SdpRevision"/>.</summary>
public sealed record AnswerRequest(string Sdp, int SdpRevision);

/// <summary>What one m-line of a subscribe offer carries (Bandwidth's streamMetadata entry, plus mid and SSRC).</summary>
public sealed record StreamMetadata(string StreamId, string ParticipantId, string Alias, IReadOnlyList<string> MediaTypes, string Mid, uint Ssrc);

/// <summary>Server → client: an offer for the subscribe connection.</summary>
public sealed record SdpOfferMessage(string Sdp, int SdpRevision, IReadOnlyList<StreamMetadata> Streams);
