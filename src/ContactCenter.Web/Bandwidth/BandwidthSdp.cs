using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// Translation between the SDK's msid-keyed view of streams and the signaling core's mid-keyed one. The SDK names a
/// published stream by its MediaStream id (the first token of <c>a=msid</c>) and sends the alias in
/// <c>mediaMetadata.mediaStreams[msid]</c>; the core wants one (mid, alias) per m-line.
/// </summary>
public static class BandwidthSdp
{
    /// <summary>
    /// The audio/video m-lines of <paramref name="sdp"/> that still send, in order. Rejected (port 0) and inactive
    /// lines are what the SDK leaves behind after unpublish, and <c>m=application</c> carries its data channels:
    /// neither is a published stream.
    /// </summary>
    public static IReadOnlyList<PublishedMsid> ReadSendingStreams(string sdp)
    {
        var result = new List<PublishedMsid>();
        string? kind = null, mid = null, msid = null;
        var live = false;

        void Flush()
        {
            if (live && kind is "audio" or "video" && mid is not null && msid is not null)
            {
                result.Add(new PublishedMsid(mid, kind, msid));
            }
        }

        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                Flush();
                var parts = line[2..].Split(' ');
                kind = parts[0];
                live = parts.Length > 1 && parts[1] != "0";
                mid = null;
                msid = null;
            }
            else if (kind is null)
            {
                continue;
            }
            else if (line.StartsWith("a=mid:", StringComparison.Ordinal))
            {
                mid = line["a=mid:".Length..].Trim();
            }
            else if (line.StartsWith("a=msid:", StringComparison.Ordinal))
            {
                var id = line["a=msid:".Length..].Split(' ')[0];
                msid = id is "" or "-" ? null : id;
            }
            else if (line is "a=inactive" or "a=recvonly")
            {
                live = false;
            }
        }

        Flush();
        return result;
    }

    /// <summary>
    /// The core's publish streams for the SDK's offer: each sending m-line gets the alias of its msid from
    /// <paramref name="mediaStreams"/> (<c>{[msid]: {alias?}}</c>); a stream without one is named by its msid,
    /// which is unique and stable across renegotiations.
    /// </summary>
    public static IReadOnlyList<PublishStreamDto> MapStreams(IReadOnlyList<PublishedMsid> lines, JsonElement mediaStreams)
    {
        var streams = new List<PublishStreamDto>(lines.Count);
        foreach (var line in lines)
        {
            string? alias = null;
            if (mediaStreams.ValueKind == JsonValueKind.Object
                && mediaStreams.TryGetProperty(line.Msid, out var meta)
                && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("alias", out var a)
                && a.ValueKind == JsonValueKind.String)
            {
                alias = a.GetString();
            }

            streams.Add(new PublishStreamDto(line.Mid, string.IsNullOrEmpty(alias) ? line.Msid : alias));
        }

        return streams;
    }

    /// <summary>
    /// The publish answer's <c>streamMetadata</c>, keyed by msid as the SDK looks it up
    /// (<c>streamMetadata[mediaStream.id].mediaTypes</c>).
    /// </summary>
    public static JsonObject PublishMetadata(IReadOnlyList<PublishedMsid> lines, PublishResult result, string participantId, string endpointId)
    {
        var byMid = result.Streams.ToDictionary(s => s.Mid, StringComparer.Ordinal);
        var metadata = new JsonObject();
        foreach (var line in lines)
        {
            if (!byMid.TryGetValue(line.Mid, out var published))
            {
                continue;
            }

            AddStream(metadata, line.Msid, endpointId, published.MediaType, published.Alias, participantId);
        }

        return metadata;
    }

    /// <summary>
    /// The subscribe offer's <c>streamMetadata</c>, keyed by the msid stream id our offer sends each stream with (the
    /// SDK finds it by <c>event.streams[0].id</c> in <c>ontrack</c>).
    /// </summary>
    public static JsonObject SubscribeMetadata(IReadOnlyList<StreamMetadata> streams)
    {
        var metadata = new JsonObject();
        foreach (var stream in streams)
        {
            foreach (var type in stream.MediaTypes)
            {
                AddStream(metadata, stream.StreamId, stream.ParticipantId, type, stream.Alias, stream.ParticipantId);
            }
        }

        return metadata;
    }

    /// <summary>The <c>sdpOffer</c> notification's params.</summary>
    public static JsonObject OfferParams(SdpOfferMessage offer, string endpointId) => new()
    {
        ["sdpOffer"] = offer.Sdp,
        ["sdpRevision"] = offer.SdpRevision,
        ["endpointId"] = endpointId,
        ["streamMetadata"] = SubscribeMetadata(offer.Streams),
    };

    private static void AddStream(JsonObject metadata, string key, string endpointId, string mediaType, string alias, string participantId)
    {
        if (metadata[key] is JsonObject existing)
        {
            // One MediaStream with an audio and a video track: one entry, both media types.
            var types = (JsonArray)existing["mediaTypes"]!;
            if (!types.Any(t => t!.GetValue<string>() == mediaType))
            {
                types.Add(mediaType);
            }

            return;
        }

        metadata[key] = new JsonObject
        {
            ["endpointId"] = endpointId,
            ["mediaTypes"] = new JsonArray(mediaType),
            ["alias"] = alias,
            ["participantId"] = participantId,
        };
    }
}
