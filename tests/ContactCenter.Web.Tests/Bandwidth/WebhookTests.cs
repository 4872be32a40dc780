using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactCenter.Web.Signaling;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Web.Tests.Bandwidth;

/// <summary>Participant callbacks (onConnect, onLeave, onDisconnect) to a real HTTP listener: shape, retries, timeout.</summary>
public sealed class WebhookTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private WebhookReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task Webhooks_ConnectThenLeave_PostOnConnectAndOnLeaveAsBandwidthDid()
    {
        var url = Receiver.Url("ok");
        var (id, token) = await CreateParticipantAsync(url, "agent-7");
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Factory, token, "device-A");
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(url).Length >= 1);

        await socket.NotifyAsync("leave");
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(url).Length >= 2);

        var received = Receiver.For(url);
        Assert.Equal(["onConnect", "onLeave"], received.Select(r => r.Event));
        foreach (var body in received.Select(r => r.Body.AsObject()))
        {
            Assert.Equal(["event", "timestamp", "participantId", "deviceId", "tag"], body.Select(p => p.Key));
            Assert.Equal(id, (string)body["participantId"]!);
            Assert.Equal("device-A", (string)body["deviceId"]!);
            Assert.Equal("agent-7", (string)body["tag"]!);
            Assert.True(DateTimeOffset.TryParse((string)body["timestamp"]!, out _));
        }
    }

    [Fact]
    public async Task Webhooks_SocketLostWithoutLeave_PostsOnDisconnect()
    {
        var url = Receiver.Url("ok");
        var (_, token) = await CreateParticipantAsync(url, tag: null);
        var socket = await DeviceSocket.ConnectAsync(fixture.Factory, token);
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(url).Length >= 1);

        await socket.AbortAsync();
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(url).Length >= 2);

        var received = Receiver.For(url);
        Assert.Equal(["onConnect", "onDisconnect"], received.Select(r => r.Event));
        Assert.False(received[0].Body.AsObject().ContainsKey("tag"));
    }

    [Fact]
    public async Task Webhooks_FailingCallback_IsRetriedUntilItSucceeds()
    {
        var url = Receiver.Url("flaky");
        var (_, token) = await CreateParticipantAsync(url, tag: null);
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Factory, token);

        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(url).Length >= 3);

        var received = Receiver.For(url);
        Assert.Equal([1, 2, 3], received.Select(r => r.Attempt));
        Assert.All(received, r => Assert.Equal("onConnect", r.Event));
        Assert.All(received, r => Assert.Equal(received[0].Body.ToJsonString(), r.Body.ToJsonString()));
    }

    [Fact]
    public async Task Webhooks_HangingCallback_TimesOutAndRetriesWithoutBlockingSignalingOrOtherCallbacks()
    {
        var hang = Receiver.Url("hang");
        var (_, hangingToken) = await CreateParticipantAsync(hang, tag: null);
        await using var hanging = await DeviceSocket.ConnectAsync(fixture.Factory, hangingToken);
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(hang).Length >= 1);

        // While the first try hangs, the same participant's signaling is answered and another callback is delivered.
        Assert.NotNull((await hanging.CallAsync("ping", new JsonObject()))["result"]);
        var ok = Receiver.Url("ok");
        var (_, token) = await CreateParticipantAsync(ok, tag: null);
        await using var other = await DeviceSocket.ConnectAsync(fixture.Factory, token);
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(ok).Length >= 1);
        var delivered = Assert.Single(Receiver.For(ok));
        Assert.Equal(1, delivered.HangingAtArrival);
        Assert.Single(Receiver.For(hang));

        // The hanging try is abandoned at the timeout and retried, up to three tries in all.
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(hang).Length >= 3 && Receiver.Hanging == 0);
        Assert.Equal([1, 2, 3], Receiver.For(hang).Select(r => r.Attempt));
        Assert.Equal(0, Receiver.Hanging);
    }

    [Fact]
    public async Task Webhooks_SignalRDoor_PostsTheSameEventsThroughTheCore()
    {
        var url = Receiver.Url("ok");
        var (id, token) = await CreateParticipantAsync(url, tag: null);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Factory.Server.BaseAddress, "/hubs/rtc?access_token=" + Uri.EscapeDataString(token)), options =>
            {
                options.HttpMessageHandlerFactory = _ => fixture.Factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await hub.StartAsync();
        Assert.Equal(id, (await hub.InvokeAsync<ConnectResult>("Connect")).ParticipantId);
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(url).Length >= 1);

        await hub.InvokeAsync("Leave");
        await WebhookReceiver.WaitUntilAsync(() => Receiver.For(url).Length >= 2);

        Assert.Equal(["onConnect", "onLeave"], Receiver.For(url).Select(r => r.Event));
        Assert.All(Receiver.For(url), r => Assert.Equal(id, (string)r.Body["participantId"]!));
    }

    private async Task<(string Id, string Token)> CreateParticipantAsync(string callbackUrl, string? tag)
    {
        using var client = fixture.CreateDemoClient();
        var response = await client.PostAsJsonAsync(
            $"/v1/accounts/{ApiFactory.DemoAccount}/participants",
            new { publishPermissions = new[] { "AUDIO" }, tag, callbackUrl, deviceApiVersion = "V3" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        return ((string)body["participant"]!["id"]!, (string)body["token"]!);
    }
}
