using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ContactCenter.Web.Bandwidth;
using ContactCenter.Web.Signaling;
using ContactCenter.Web.Tests.Bandwidth;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Web.Tests.Signaling;

/// <summary>
/// Odd calls on the hub and on /v3 get a clear error from our code, and are logged as refusals (Information or
/// below, no stack trace), never as errors: any token holder could otherwise flood the log.
/// </summary>
public sealed class OddInputTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private ApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ApiFactory(configureServices: s => s.AddSingleton<ILoggerProvider>(_logs));
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        ApiFactory.DeleteFolder(_factory.Folder);
    }

    [Fact]
    public async Task Publish_Null_IsRefusedWithAClearMessageAndNoErrorLog()
    {
        await using var hub = await ConnectedHubAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<PublishResult>("Publish", (PublishRequest?)null));

        Assert.Contains("Publish needs", error.Message, StringComparison.Ordinal);
        AssertNoErrorLogs();
    }

    [Fact]
    public async Task Publish_NullSdpAndNullStream_AreRefusedWithAClearMessage()
    {
        await using var hub = await ConnectedHubAsync();

        var noSdp = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<PublishResult>("Publish", new PublishRequest(null!, [])));
        var nullStream = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync<PublishResult>("Publish", new PublishRequest(Sdp.PublishOffer(), [null!])));

        Assert.Contains("sdp", noSdp.Message, StringComparison.Ordinal);
        Assert.Contains("streams[0]", nullStream.Message, StringComparison.Ordinal);
        AssertNoErrorLogs();
    }

    [Fact]
    public async Task Answer_Null_IsRefusedWithAClearMessageAndNoErrorLog()
    {
        await using var hub = await ConnectedHubAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Answer", (AnswerRequest?)null));

        Assert.Contains("Answer needs", error.Message, StringComparison.Ordinal);
        AssertNoErrorLogs();
    }

    [Fact]
    public async Task Unpublish_Null_IsRefusedWithAClearMessage()
    {
        await using var hub = await ConnectedHubAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<bool>("Unpublish", (string?)null));

        Assert.Contains("alias", error.Message, StringComparison.Ordinal);
        AssertNoErrorLogs();
    }

    [Fact]
    public async Task Publish_RefusedBySfu_LoggedAsARefusalWithoutStackTrace()
    {
        await using var hub = await ConnectedHubAsync();

        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<PublishResult>("Publish", new PublishRequest("not sdp", [])));

        AssertNoErrorLogs();
        Assert.Contains(_logs.Entries, e => e.Level <= LogLevel.Information && e.Message.Contains("refused", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Device_LoneSurrogateInParams_IsInvalidParamsAndTheSocketStays()
    {
        await using var socket = await ConnectedDeviceAsync();

        await socket.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"offerSdp\",\"params\":{\"sdpOffer\":\"v=0\\ud800\"}}");
        var reply = await socket.ReceiveAsync();
        var ping = await socket.CallAsync("ping", new JsonObject());

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)reply!["error"]!["code"]!);
        Assert.Equal(7, (int)reply["id"]!);
        Assert.NotNull(ping["result"]);
        AssertNoErrorLogs();
    }

    [Fact]
    public async Task Device_LoneSurrogateInMethod_IsInvalidRequest()
    {
        await using var socket = await ConnectedDeviceAsync();

        await socket.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\\udc00\"}");
        var reply = await socket.ReceiveAsync();

        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, (int)reply!["error"]!["code"]!);
        AssertNoErrorLogs();
    }

    [Fact]
    public async Task Device_MessageOverTheLimit_ClosesWithMessageTooBig()
    {
        await using var socket = await ConnectedDeviceAsync();

        await socket.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"params\":{\"pad\":\"" + new string('x', 1100 * 1024) + "\"}}");
        var reply = await socket.ReceiveAsync();

        Assert.Null(reply);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        AssertNoErrorLogs();
    }

    [Fact]
    public void Hub_MaximumReceiveMessageSize_IsTheConfiguredLimit()
    {
        var options = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HubOptions<RtcHub>>>().Value;

        Assert.Equal(64 * 1024, options.MaximumReceiveMessageSize);
    }

    private void AssertNoErrorLogs()
    {
        var errors = _logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "error logs: " + string.Join(" | ", errors.Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}")));
        Assert.DoesNotContain(_logs.Entries, e => e.Exception is HubException or NullReferenceException or InvalidOperationException);
    }

    private async Task<HubConnection> ConnectedHubAsync()
    {
        using var client = _factory.CreateDemoClient();
        var (_, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        var url = new Uri(_factory.Server.BaseAddress, "/hubs/rtc?access_token=" + Uri.EscapeDataString(token));
        var hub = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.HttpMessageHandlerFactory = _ => _factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await hub.StartAsync();
        await hub.InvokeAsync<ConnectResult>("Connect");
        return hub;
    }

    private async Task<DeviceSocket> ConnectedDeviceAsync()
    {
        using var client = _factory.CreateDemoClient();
        var (_, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        return await DeviceSocket.ConnectAsync(_factory, token);
    }
}
