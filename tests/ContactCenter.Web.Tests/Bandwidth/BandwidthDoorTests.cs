using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ContactCenter.Web.Bandwidth;
using ContactCenter.Web.Signaling;
using ContactCenter.Web.Tests.Infrastructure;
using ContactCenter.Web.Tests.Signaling;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Web.Tests.Bandwidth;

/// <summary>The /v3 door over the real host: authentication, the JSON-RPC error codes, and sharing the core with the hub.</summary>
public sealed class BandwidthDoorTests(RtcHubFixture fixture) : IClassFixture<RtcHubFixture>
{
    [Fact]
    public async Task Connect_BadToken_ClosesWithTheReason()
    {
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Factory, "not-a-token");

        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Contains("participant token was refused", socket.CloseDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_SetMediaPreferencesAndPing_AreAcknowledged()
    {
        await using var socket = await ConnectAsync();

        var preferences = await socket.CallAsync("setMediaPreferences", new JsonObject { ["protocol"] = "WEBRTC" });
        var ping = await socket.CallAsync("ping", new JsonObject());

        Assert.Empty(preferences["result"]!.AsObject());
        Assert.Empty(ping["result"]!.AsObject());
    }

    [Fact]
    public async Task Call_UnknownMethod_IsMethodNotFound()
    {
        await using var socket = await ConnectAsync();

        var reply = await socket.CallAsync("subscribe", new JsonObject());

        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, (int)reply["error"]!["code"]!);
    }

    [Theory]
    [InlineData("offerSdp")]
    [InlineData("answerSdp")]
    public async Task Call_MissingSdp_IsInvalidParams(string method)
    {
        await using var socket = await ConnectAsync();

        var reply = await socket.CallAsync(method, new JsonObject { ["mediaMetadata"] = new JsonObject() });

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)reply["error"]!["code"]!);
    }

    [Fact]
    public async Task Frame_MalformedJson_IsParseErrorAndTheSocketStays()
    {
        await using var socket = await ConnectAsync();

        await socket.SendRawAsync("{\"jsonrpc\":");
        var error = await socket.ReceiveAsync();
        var ping = await socket.CallAsync("ping", new JsonObject());

        Assert.Equal(JsonRpcErrorCodes.ParseError, (int)error!["error"]!["code"]!);
        Assert.Null(error["id"]);
        Assert.NotNull(ping["result"]);
    }

    [Fact]
    public async Task Notification_DeviceDiagnostics_GetsNoReply()
    {
        await using var socket = await ConnectAsync();

        await socket.NotifyAsync("deviceDiagnostics");
        var next = await socket.CallAsync("ping", new JsonObject());

        Assert.Equal(1, (int)next["id"]!);
    }

    [Fact]
    public async Task OfferSdp_DataChannelsOnly_IsAnsweredWithTheLineRejected()
    {
        await using var socket = await ConnectAsync();
        const string offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" +
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sctp-port:5000\r\n";

        var reply = await socket.CallAsync("offerSdp", new JsonObject
        {
            ["sdpOffer"] = offer,
            ["mediaMetadata"] = new JsonObject { ["mediaStreams"] = new JsonObject(), ["dataChannels"] = new JsonObject() },
        });

        Assert.Contains("m=application 0 ", (string)reply["result"]!["sdpAnswer"]!, StringComparison.Ordinal);
        Assert.Equal("device-1", (string)reply["result"]!["endpointId"]!);
        Assert.Empty(reply["result"]!["streamMetadata"]!.AsObject());
    }

    [Fact]
    public async Task Participant_DrivenFromTheHubAfterTheDoor_ConnectsThroughTheSameCore()
    {
        using var client = fixture.CreateDemoClient();
        var (id, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Factory, token);
        Assert.NotNull((await socket.CallAsync("ping", new JsonObject()))["result"]);

        await using var hub = fixture.CreateHub(token);
        await hub.StartAsync();
        var result = await hub.InvokeAsync<ConnectResult>("Connect");

        Assert.Equal(id, result.ParticipantId);
    }

    private async Task<DeviceSocket> ConnectAsync()
    {
        using var client = fixture.CreateDemoClient();
        var (_, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        return await DeviceSocket.ConnectAsync(fixture.Factory, token);
    }
}
