using ContactCenter.Web.Media;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// <c>/hubs/rtc</c>: the browser SDK's signaling, authenticated by the participant token in the query string
/// (<c>access_token</c>, as SignalR clients send it). A thin adapter over <see cref="SignalingCore"/>. There is
/// deliberately no method that touches subscriptions or routing: only the REST API (the 3PCC) decides those.
/// </summary>
public sealed class RtcHub(SignalingCore core, IHubContext<RtcHub, IRtcClient> hubContext, TurnCredentialIssuer turn) : Hub<IRtcClient>
{
    public const string Path = "/hubs/rtc";
    private const string SignalingKey = "signaling";

    /// <summary>
    /// Authenticates the connection's token and joins the SFU. Must be the first call. The reply carries the TURN
    /// servers with credentials of their own for this participant (none when <c>Media:Turn:Urls</c> is empty).
    /// </summary>
    public async Task<ConnectResult> Connect()
    {
        if (Context.Items.ContainsKey(SignalingKey))
        {
            throw new HubException("This connection is already connected.");
        }

        var request = Context.GetHttpContext()?.Request;
        var token = request?.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token) && request?.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }

        try
        {
            var signaling = await core.ConnectAsync(token, new HubSignalingClient(hubContext, Context.ConnectionId), Context.ConnectionAborted);
            Context.Items[SignalingKey] = signaling;
            return signaling.Describe() with { IceServers = turn.IssueFor(signaling.ParticipantId) };
        }
        catch (SignalingRefusedException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    /// <summary>Publish connection: the client's offer and its streams' aliases → the server's answer.</summary>
    public PublishResult Publish(PublishRequest? request)
    {
        var streams = SignalingInput.CheckPublish(request);
        return Run(s => s.Publish(request!.Sdp, streams));
    }

    /// <summary>Subscribe connection: the client's answer to the offer of <see cref="AnswerRequest.SdpRevision"/>.</summary>
    public void Answer(AnswerRequest? request)
    {
        SignalingInput.CheckAnswer(request);
        Run(s =>
        {
            s.Answer(request!.Sdp, request.SdpRevision);
            return true;
        });
    }

    public bool Unpublish(string? alias)
    {
        SignalingInput.CheckAlias(alias);
        return Run(s => s.Unpublish(alias!));
    }

    /// <summary>Asks for a new subscribe offer (after the client's subscribe connection failed).</summary>
    public void RestartIce() => Run(s =>
    {
        s.RequestOffer();
        return true;
    });

    public void Leave()
    {
        if (Context.Items.Remove(SignalingKey, out var value) && value is ParticipantSignaling signaling)
        {
            signaling.Leave("left");
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.Remove(SignalingKey, out var value) && value is ParticipantSignaling signaling)
        {
            signaling.Disconnect(exception is null ? "signaling closed" : "signaling lost: " + exception.Message);
        }

        return base.OnDisconnectedAsync(exception);
    }

    private T Run<T>(Func<ParticipantSignaling, T> action)
    {
        if (!Context.Items.TryGetValue(SignalingKey, out var value) || value is not ParticipantSignaling signaling)
        {
            throw new HubException("Call connect first: this connection has no valid participant token yet.");
        }

        try
        {
            return action(signaling);
        }
        catch (SignalingRefusedException ex)
        {
            throw new HubException(ex.Message);
        }
    }
}
