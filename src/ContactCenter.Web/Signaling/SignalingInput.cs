using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// Checks the hub's arguments before they reach the signaling core: SignalR binds a missing or null argument as
/// null, and a null must be refused with a sentence, not met with a NullReferenceException.
/// </summary>
internal static class SignalingInput
{
    /// <summary>Longest alias a client may publish under (the REST API's subscriptions take the same length).</summary>
    public const int MaxAliasLength = 64;

    /// <summary>Most streams one publish offer may describe.</summary>
    public const int MaxStreams = 16;

    public static IReadOnlyList<PublishStreamDto> CheckPublish(PublishRequest? request)
    {
        if (request is null)
        {
            throw new HubException("Publish needs an offer: {sdp, streams: [{mid, alias}]}.");
        }

        if (string.IsNullOrWhiteSpace(request.Sdp))
        {
            throw new HubException("Publish needs the offer's sdp.");
        }

        var streams = request.Streams ?? [];
        if (streams.Count > MaxStreams)
        {
            throw new HubException($"Publish may describe at most {MaxStreams} streams; this offer has {streams.Count}.");
        }

        for (var i = 0; i < streams.Count; i++)
        {
            if (streams[i] is not { } stream || string.IsNullOrWhiteSpace(stream.Mid) || string.IsNullOrWhiteSpace(stream.Alias))
            {
                throw new HubException($"Publish: streams[{i}] needs a mid and an alias.");
            }

            if (stream.Alias.Length > MaxAliasLength)
            {
                throw new HubException($"Publish: streams[{i}].alias must be at most {MaxAliasLength} characters.");
            }
        }

        return streams;
    }

    public static void CheckAnswer(AnswerRequest? request)
    {
        if (request is null)
        {
            throw new HubException("Answer needs the answer: {sdp, sdpRevision}.");
        }

        if (string.IsNullOrWhiteSpace(request.Sdp))
        {
            throw new HubException("Answer needs the answer's sdp.");
        }
    }

    public static void CheckAlias(string? alias)
    {
        if (string.IsNullOrWhiteSpace(alias))
        {
            throw new HubException("Unpublish needs the alias of the streams to stop.");
        }
    }
}
