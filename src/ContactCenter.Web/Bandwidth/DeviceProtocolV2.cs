using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Transport;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// Device protocol v2 (the Bandwidth SDK when the token's <c>v</c> is not V3): the client offers every connection.
/// Publishing is <c>requestToPublish</c> → an endpoint id, then <c>offerSdp</c> for it (our publish connection).
/// Receiving: each stream the router offers becomes an <c>sdpNeeded</c> (endpointId = stream id, recvonly), the
/// client offers a connection for it, and a stream the router drops becomes <c>endpointRemoved</c>.
/// The router's subscribe offers are answered here at once (<see cref="V2SubscribeConnection"/>), and again after
/// each client offer, so a stream starts forwarding as soon as its connection is negotiated.
/// </summary>
internal sealed class DeviceProtocolV2(UdpMediaTransport transport, SfuRouter router, ILogger logger) : IDeviceProtocol, IDeviceRpc
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource<ParticipantSignaling> _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, StreamMetadata> _announced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PublishEndpoint> _published = new(StringComparer.Ordinal);
    private V2SubscribeConnection? _subscribe;
    private ParticipantSignaling? _signaling;

    public bool HasLeft { get; private set; }

    public Func<SfuParticipant, ISubscribeConnection>? SubscribeFactory => CreateSubscribe;

    private ParticipantSignaling Signaling => _signaling ?? throw new InvalidOperationException("Not attached.");

    public IDeviceRpc Attach(ParticipantSignaling signaling, Func<string, Task> send)
    {
        _signaling = signaling;
        _attached.TrySetResult(signaling);
        return this;
    }

    public async Task OfferAsync(SdpOfferMessage offer, Func<string, Task> send)
    {
        var signaling = await _attached.Task.ConfigureAwait(false);
        var added = new List<StreamMetadata>();
        var removed = new List<string>();
        lock (_gate)
        {
            var now = offer.Streams.ToDictionary(s => s.StreamId, StringComparer.Ordinal);
            foreach (var id in _announced.Keys.Where(id => !now.ContainsKey(id)).ToList())
            {
                _announced.Remove(id);
                removed.Add(id);
            }

            foreach (var stream in offer.Streams.Where(s => !_announced.ContainsKey(s.StreamId)))
            {
                _announced[stream.StreamId] = stream;
                added.Add(stream);
            }
        }

        foreach (var id in removed)
        {
            _subscribe?.Remove(id);
            await send(JsonRpcFraming.Notification("endpointRemoved", new JsonObject { ["endpointId"] = id })).ConfigureAwait(false);
        }

        foreach (var stream in added)
        {
            await send(JsonRpcFraming.Notification("sdpNeeded", SdpNeeded(stream))).ConfigureAwait(false);
        }

        // Lines whose client connection exists carry their codecs; the others wait for the client's offer.
        try
        {
            signaling.Answer(V2SubscribeConnection.PlaceholderOffer, offer.SdpRevision);
        }
        catch (SignalingRefusedException ex)
        {
            BandwidthLog.V2AnswerRefused(logger, signaling.ParticipantId, offer.SdpRevision, ex.Message);
        }
    }

    public JsonNode? Handle(JsonRpcRequest request)
    {
        switch (request.Method)
        {
            case "setMediaPreferences":
            case "ping":
                return new JsonObject();
            case "requestToPublish":
                return RequestToPublish(request.Params);
            case "offerSdp":
                return OfferSdp(request.Params);
            case "unpublish":
                Unpublish(request.Params);
                return request.IsNotification ? null : new JsonObject();
            case "addIceCandidate":
                // The server is ICE-lite: it learns the client's address from its connectivity checks.
                return request.IsNotification ? null : new JsonObject();
            case "leave":
                HasLeft = true;
                Signaling.Leave("left");
                return request.IsNotification ? null : new JsonObject();
            default:
                throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound, $"Method not found: {request.Method}");
        }
    }

    private ISubscribeConnection CreateSubscribe(SfuParticipant participant)
    {
        var connection = new V2SubscribeConnection(transport, router, participant);
        lock (_gate)
        {
            _subscribe = connection;
        }

        return connection;
    }

    private JsonObject RequestToPublish(JsonElement parameters)
    {
        var mediaTypes = ReadMediaTypes(parameters);
        var alias = OptionalString(parameters, "alias");
        var signaling = Signaling;
        foreach (var type in mediaTypes)
        {
            if (!signaling.PublishPermissions.Contains(type, StringComparer.Ordinal))
            {
                throw new JsonRpcException(JsonRpcErrorCodes.Refused,
                    $"Participant {signaling.ParticipantId} may not publish {type}: its publishPermissions do not include it.");
            }
        }

        var endpointId = Guid.NewGuid().ToString();
        lock (_gate)
        {
            if (_published.Count > 0)
            {
                throw new JsonRpcException(JsonRpcErrorCodes.Refused,
                    "This server carries one published endpoint per v2 device: publish audio and video in one stream, or unpublish the first.");
            }

            _published[endpointId] = new PublishEndpoint(alias ?? endpointId, mediaTypes);
        }

        var result = new JsonObject
        {
            ["endpointId"] = endpointId,
            ["mediaTypes"] = new JsonArray([.. mediaTypes.Select(t => JsonValue.Create(t))]),
            ["direction"] = "sendonly",
        };
        if (alias is not null)
        {
            result["alias"] = alias;
        }

        return result;
    }

    private JsonObject OfferSdp(JsonElement parameters)
    {
        var sdp = RequiredString(parameters, "sdpOffer");
        var endpointId = RequiredString(parameters, "endpointId");
        PublishEndpoint? publish;
        StreamMetadata? stream;
        lock (_gate)
        {
            _published.TryGetValue(endpointId, out publish);
            _announced.TryGetValue(endpointId, out stream);
        }

        if (publish is not null)
        {
            var streams = BandwidthSdp.ReadSendingStreams(sdp).Select(line => new PublishStreamDto(line.Mid, publish.Alias)).ToList();
            var result = Refusable(() => Signaling.Publish(sdp, streams));
            return new JsonObject { ["sdpAnswer"] = result.Sdp };
        }

        if (stream is not null && _subscribe is { } subscribe)
        {
            var kind = stream.MediaTypes.Contains("VIDEO") ? MediaKind.Video : MediaKind.Audio;
            string answer;
            try
            {
                answer = subscribe.AnswerClientOffer(endpointId, kind, sdp);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new JsonRpcException(JsonRpcErrorCodes.Refused, "The sdp offer was refused: " + ex.Message);
            }

            // A new offer round lets the router pick up this connection's codecs and start forwarding.
            Signaling.RequestOffer();
            return new JsonObject { ["sdpAnswer"] = answer };
        }

        throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid params: endpointId {endpointId} is not an endpoint of this device.");
    }

    private void Unpublish(JsonElement parameters)
    {
        var endpointId = RequiredString(parameters, "endpointId");
        PublishEndpoint? publish;
        lock (_gate)
        {
            _published.Remove(endpointId, out publish);
        }

        if (publish is not null)
        {
            Signaling.Unpublish(publish.Alias);
        }
    }

    private static JsonObject SdpNeeded(StreamMetadata stream) => new()
    {
        ["endpointId"] = stream.StreamId,
        ["mediaTypes"] = new JsonArray([.. stream.MediaTypes.Select(t => JsonValue.Create(t))]),
        ["direction"] = "recvonly",
        ["alias"] = stream.Alias,
        ["participantId"] = stream.ParticipantId,
    };

    private static List<string> ReadMediaTypes(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("mediaTypes", out var types)
            || types.ValueKind != JsonValueKind.Array
            || types.GetArrayLength() == 0)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "Invalid params: mediaTypes must be a non-empty array of \"AUDIO\" and \"VIDEO\".");
        }

        var result = new List<string>();
        foreach (var type in types.EnumerateArray())
        {
            var name = type.ValueKind == JsonValueKind.String ? type.GetString()!.ToUpperInvariant() : null;
            if (name is not ("AUDIO" or "VIDEO"))
            {
                throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid params: mediaTypes may hold only \"AUDIO\" and \"VIDEO\", not {type.GetRawText()}.");
            }

            if (!result.Contains(name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static string? OptionalString(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static string RequiredString(JsonElement parameters, string name) =>
        OptionalString(parameters, name)
        ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid params: {name} must be a non-empty string.");

    private static T Refusable<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SignalingRefusedException ex)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.Refused, ex.Message);
        }
    }

    private sealed record PublishEndpoint(string Alias, IReadOnlyList<string> MediaTypes);
}
