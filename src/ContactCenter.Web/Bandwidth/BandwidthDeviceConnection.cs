using System.Net.WebSockets;
using System.Text;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// One SDK WebSocket on <c>/v3/</c> or <c>/v2/</c>: authenticates the token through the signaling core, answers
/// JSON-RPC calls in order, and hands the core's subscribe offers to the protocol (<see cref="IDeviceProtocol"/>),
/// which turns them into its own notifications. The core's streamAvailable/Unavailable events have no message of
/// their own: v3 learns about streams from the offer's streamMetadata and ontrack, v2 from sdpNeeded/endpointRemoved.
/// </summary>
internal sealed class BandwidthDeviceConnection(WebSocket socket, ILogger logger, int maxMessageBytes, IDeviceProtocol protocol) : ISignalingClient
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public async Task RunAsync(SignalingCore core, string? token, string? deviceId, string? client, string? sdkVersion, CancellationToken ct)
    {
        ParticipantSignaling signaling;
        try
        {
            signaling = await core.ConnectAsync(token, this, ct, deviceId);
        }
        catch (SignalingRefusedException ex)
        {
            BandwidthLog.Refused(logger, ex.Message);
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, ex.Message);
            return;
        }

        BandwidthLog.Connected(logger, signaling.DeviceId, signaling.ParticipantId, client, sdkVersion);
        var rpc = protocol.Attach(signaling, SendAsync);
        var reason = "socket closed";
        try
        {
            while (await ReceiveAsync(ct) is { } text)
            {
                await HandleAsync(rpc, signaling.ParticipantId, text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            reason = "socket lost: " + ex.Message;
        }
        finally
        {
            if (rpc.HasLeft)
            {
                signaling.Leave("left");
            }
            else
            {
                signaling.Disconnect(reason);
            }

            await signaling.DisposeAsync();
            BandwidthLog.Closed(logger, signaling.ParticipantId, reason);
        }

        await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
    }

    public Task OfferAsync(SdpOfferMessage offer) => protocol.OfferAsync(offer, SendAsync);

    public Func<ContactCenter.Media.Routing.SfuParticipant, ContactCenter.Media.Routing.ISubscribeConnection>? SubscribeFactory =>
        protocol.SubscribeFactory;

    public Task StreamAvailableAsync(StreamMetadata stream) => Task.CompletedTask;

    public Task StreamUnavailableAsync(StreamMetadata stream) => Task.CompletedTask;

    private async Task HandleAsync(IDeviceRpc rpc, string participantId, string text)
    {
        var parsed = JsonRpcFraming.Parse(text);
        if (parsed.Request is not { } request)
        {
            BandwidthLog.RpcError(logger, participantId, null, parsed.Error!.Code, parsed.Error.Message);
            await SendAsync(JsonRpcFraming.Error(parsed.ErrorId, parsed.Error));
            return;
        }

        try
        {
            var result = rpc.Handle(request);
            if (request.Id is { } id)
            {
                await SendAsync(JsonRpcFraming.Result(id, result));
            }
        }
        catch (JsonRpcException ex)
        {
            BandwidthLog.RpcError(logger, participantId, request.Method, ex.Code, ex.Message);
            if (!request.IsNotification)
            {
                await SendAsync(JsonRpcFraming.Error(request.Id, new JsonRpcError(ex.Code, ex.Message)));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug here must not take the socket (and the participant's media) down with it.
            BandwidthLog.RpcFailed(logger, participantId, request.Method, ex);
            if (!request.IsNotification)
            {
                await SendAsync(JsonRpcFraming.Error(request.Id, new JsonRpcError(JsonRpcErrorCodes.InternalError, "Internal error")));
            }
        }
    }

    private async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > maxMessageBytes)
            {
                // RFC 6455 §7.4.1: 1009, the message is too big to process.
                BandwidthLog.MessageTooBig(logger, maxMessageBytes);
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"message larger than {maxMessageBytes} bytes");
                return null;
            }

            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    private async Task SendAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        // A close reason is limited to 123 bytes of UTF-8.
        var bytes = Encoding.UTF8.GetBytes(reason);
        if (bytes.Length > 123)
        {
            reason = Encoding.UTF8.GetString(bytes, 0, 120) + "...";
            while (Encoding.UTF8.GetByteCount(reason) > 123)
            {
                reason = reason[..^4] + "...";
            }
        }

        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(status, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer is gone already; nothing left to tell it.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
