using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Web.Tests.Bandwidth;

/// <summary>A raw client of the /v3 door over the test server, speaking JSON-RPC as the SDK's rpc-websockets does.</summary>
internal sealed class DeviceSocket : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly WebSocket _socket;
    private int _nextId;

    private DeviceSocket(WebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<DeviceSocket> ConnectAsync(WebApplicationFactory<Program> factory, string? token, string uniqueId = "device-1", string path = "/v3")
    {
        var client = factory.Server.CreateWebSocketClient();
        var uri = new Uri(factory.Server.BaseAddress, $"{path}/?token={Uri.EscapeDataString(token ?? string.Empty)}&client=browser&sdkVersion=0.12.0-beta.1&uniqueId={uniqueId}");
        uri = new UriBuilder(uri) { Scheme = "ws" }.Uri;
        using var cts = new CancellationTokenSource(Timeout);
        return new DeviceSocket(await client.ConnectAsync(uri, cts.Token));
    }

    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends a call and returns the reply with its id (server notifications in between are skipped).</summary>
    public async Task<JsonNode> CallAsync(string method, JsonNode? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["id"] = id };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        await SendRawAsync(message.ToJsonString());
        while (true)
        {
            var reply = await ReceiveAsync() ?? throw new InvalidOperationException("closed: " + CloseDescription);
            if (reply["id"] is { } replyId && (int)replyId == id)
            {
                return reply;
            }
        }
    }

    public Task NotifyAsync(string method) =>
        SendRawAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method }.ToJsonString());

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public async Task<JsonNode?> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cts.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }

    /// <summary>Closes the socket without a leave (a lost browser).</summary>
    public Task AbortAsync()
    {
        _socket.Abort();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(Timeout);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // already gone
            }
        }

        _socket.Dispose();
    }
}
