using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// The device protocol v3 methods over one participant's <see cref="ParticipantSignaling"/>. Transport-free, so the
/// framing and the mapping are testable without a socket. A call returns its result or throws
/// <see cref="JsonRpcException"/>; a notification returns null.
/// </summary>
public sealed class BandwidthDeviceRpc(ParticipantSignaling signaling) : IDeviceRpc
{
    /// <summary>Set when the client said <c>leave</c>: the socket's close that follows is then not a disconnect.</summary>
    public bool HasLeft { get; private set; }

    public JsonNode? Handle(JsonRpcRequest request)
    {
        switch (request.Method)
        {
            case "setMediaPreferences":
                // Only "WEBRTC" exists in v3; nothing to choose.
                return new JsonObject();
            case "ping":
                return new JsonObject();
            case "offerSdp":
                return OfferSdp(request.Params);
            case "answerSdp":
                return AnswerSdp(request.Params);
            case "leave":
                HasLeft = true;
                signaling.Leave("left");
                return request.IsNotification ? null : new JsonObject();
            case "deviceDiagnostics":
                // Batches of client-side stats for Bandwidth's support staff; nobody reads them here.
                return request.IsNotification ? null : new JsonObject();
            default:
                throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound, $"Method not found: {request.Method}");
        }
    }

    private JsonObject OfferSdp(JsonElement parameters)
    {
        var sdp = RequiredString(parameters, "sdpOffer");
        try
        {
            signaling.CheckOffer(sdp); // before DataOnlyOffer and BandwidthSdp parse it
        }
        catch (SignalingRefusedException ex)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "Invalid params: " + ex.Message);
        }

        var mediaStreams = default(JsonElement);
        if (parameters.TryGetProperty("mediaMetadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            metadata.TryGetProperty("mediaStreams", out mediaStreams);
        }

        if (DataOnlyOffer.Matches(sdp))
        {
            return new JsonObject
            {
                ["sdpAnswer"] = DataOnlyOffer.RejectAll(sdp),
                ["endpointId"] = signaling.DeviceId,
                ["streamMetadata"] = new JsonObject(),
            };
        }

        var lines = BandwidthSdp.ReadSendingStreams(sdp);
        var result = Refusable(() => signaling.Publish(sdp, BandwidthSdp.MapStreams(lines, mediaStreams)));
        return new JsonObject
        {
            ["sdpAnswer"] = result.Sdp,
            ["endpointId"] = signaling.DeviceId,
            ["streamMetadata"] = BandwidthSdp.PublishMetadata(lines, result, signaling.ParticipantId, signaling.DeviceId),
        };
    }

    private JsonObject AnswerSdp(JsonElement parameters)
    {
        var sdp = RequiredString(parameters, "sdpAnswer");

        // Bandwidth answers carry no revision: the SDK answers offers strictly in order (it drops older ones), so
        // an answer is for the latest offer we sent.
        Refusable(() =>
        {
            signaling.Answer(sdp, signaling.SdpRevision);
            return true;
        });
        return new JsonObject();
    }

    private static string RequiredString(JsonElement parameters, string name)
    {
        if (parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid params: {name} must be a non-empty string.");
        }

        return value.GetString()!;
    }

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
}
