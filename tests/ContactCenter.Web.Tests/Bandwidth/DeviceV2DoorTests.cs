using System.Text.Json.Nodes;
using ContactCenter.Media.Routing;
using ContactCenter.Web.Bandwidth;
using ContactCenter.Web.Tests.Infrastructure;
using ContactCenter.Web.Tests.Signaling;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Bandwidth;

/// <summary>
/// The /v2 door (Bandwidth device protocol v2) over the real host with a real WebSocket client: publish endpoints,
/// sdpNeeded per received stream answered on a client-offered connection, endpointRemoved when the edge goes (the
/// REST path of that is shown by the e2e with the real SDK, BandwidthSdkV2Tests).
/// </summary>
public sealed class DeviceV2DoorTests(RtcHubFixture fixture) : IClassFixture<RtcHubFixture>
{
    private const string Fingerprint =
        "sha-256 0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9";

    [Fact]
    public async Task RequestToPublish_Audio_ReturnsASendonlyEndpoint()
    {
        await using var socket = await ConnectAsync(["AUDIO"]);

        var reply = await socket.CallAsync("requestToPublish", new JsonObject { ["mediaTypes"] = new JsonArray("AUDIO"), ["alias"] = "microphone" });

        var result = reply["result"]!;
        Assert.False(string.IsNullOrEmpty((string?)result["endpointId"]));
        Assert.Equal("sendonly", (string)result["direction"]!);
        Assert.Equal(["AUDIO"], result["mediaTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("microphone", (string)result["alias"]!);
    }

    [Fact]
    public async Task RequestToPublish_KindOutsidePermissions_IsRefusedNamingIt()
    {
        await using var socket = await ConnectAsync(["AUDIO"]);

        var reply = await socket.CallAsync("requestToPublish", new JsonObject { ["mediaTypes"] = new JsonArray("VIDEO") });

        Assert.Equal(JsonRpcErrorCodes.Refused, (int)reply["error"]!["code"]!);
        Assert.Contains("VIDEO", (string)reply["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"mediaTypes":["SMELL"]}""")]
    [InlineData("""{"mediaTypes":[]}""")]
    [InlineData("""{"alias":"x"}""")]
    public async Task RequestToPublish_BadMediaTypes_IsInvalidParams(string parameters)
    {
        await using var socket = await ConnectAsync(["AUDIO"]);

        var reply = await socket.CallAsync("requestToPublish", JsonNode.Parse(parameters));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)reply["error"]!["code"]!);
    }

    [Fact]
    public async Task RequestToPublish_SecondLiveEndpoint_IsRefused()
    {
        await using var socket = await ConnectAsync(["AUDIO"]);
        await socket.CallAsync("requestToPublish", new JsonObject { ["mediaTypes"] = new JsonArray("AUDIO") });

        var reply = await socket.CallAsync("requestToPublish", new JsonObject { ["mediaTypes"] = new JsonArray("AUDIO") });

        Assert.Equal(JsonRpcErrorCodes.Refused, (int)reply["error"]!["code"]!);
    }

    [Fact]
    public async Task OfferSdp_UnknownEndpoint_IsInvalidParams()
    {
        await using var socket = await ConnectAsync(["AUDIO"]);

        var reply = await socket.CallAsync("offerSdp", new JsonObject { ["sdpOffer"] = AudioOffer("sendonly"), ["endpointId"] = "nobody" });

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)reply["error"]!["code"]!);
        Assert.Contains("nobody", (string)reply["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_AddIceCandidateAndSetMediaPreferences_AreAccepted()
    {
        await using var socket = await ConnectAsync(["AUDIO"]);

        var preferences = await socket.CallAsync("setMediaPreferences", JsonNode.Parse("""{"sendRecv":false,"aggregationType":"NONE","protocol":"WEB_RTC"}"""));
        await socket.NotifyAsync("addIceCandidate");
        var ping = await socket.CallAsync("ping", new JsonObject());

        Assert.Empty(preferences["result"]!.AsObject());
        Assert.NotNull(ping["result"]);
    }

    [Fact]
    public async Task PublishAndReceive_SdpNeededAnsweredByTheClient_ThenRestUnsubscribeSendsEndpointRemoved()
    {
        using var client = fixture.CreateDemoClient();
        var session = await client.CreateSessionAsync();
        var (aliceId, aliceToken) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        var (bobId, bobToken) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        await client.AddToSessionAsync(session, aliceId, $$"""{"sessionId":"{{session}}"}""");
        await client.AddToSessionAsync(session, bobId, $$"""{"sessionId":"{{session}}"}""");
        await using var alice = await DeviceSocket.ConnectAsync(fixture.Factory, aliceToken, "alice", "/v2");
        await using var bob = await DeviceSocket.ConnectAsync(fixture.Factory, bobToken, "bob", "/v2");

        // Routing comes only from the control plane (here straight to the SFU: the test host records Core's edges).
        Router.Apply(session, [new RouteEdge(aliceId, RouteEdge.AnyAlias, bobId)]);

        // alice publishes her microphone on a connection she offers.
        var request = (await alice.CallAsync("requestToPublish", new JsonObject { ["mediaTypes"] = new JsonArray("AUDIO"), ["alias"] = "microphone" }))["result"]!;
        var published = await alice.CallAsync("offerSdp", new JsonObject { ["sdpOffer"] = AudioOffer("sendonly"), ["endpointId"] = (string)request["endpointId"]! });
        var publishAnswer = (string)published["result"]!["sdpAnswer"]!;
        Assert.Contains("a=recvonly", publishAnswer, StringComparison.Ordinal);

        // bob is asked for a recvonly connection for that stream, and the server answers it as the sender.
        var needed = (await NextAsync(bob, "sdpNeeded"))["params"]!;
        Assert.Equal("recvonly", (string)needed["direction"]!);
        Assert.Equal("microphone", (string)needed["alias"]!);
        Assert.Equal(aliceId, (string)needed["participantId"]!);
        Assert.Equal(["AUDIO"], needed["mediaTypes"]!.AsArray().Select(t => (string)t!));
        var endpointId = (string)needed["endpointId"]!;
        var received = await bob.CallAsync("offerSdp", new JsonObject { ["sdpOffer"] = AudioOffer("recvonly"), ["endpointId"] = endpointId });
        var answer = (string)received["result"]!["sdpAnswer"]!;
        Assert.Contains("a=sendonly", answer, StringComparison.Ordinal);
        Assert.Contains("a=ssrc:", answer, StringComparison.Ordinal);
        Assert.Contains("a=setup:passive", answer, StringComparison.Ordinal);

        // The control plane stops bob receiving alice: the stream's endpoint is removed.
        Router.Apply(session, []);
        var removed = (await NextAsync(bob, "endpointRemoved"))["params"]!;
        Assert.Equal(endpointId, (string)removed["endpointId"]!);
    }

    [Fact]
    public async Task OfferSdp_ForAStreamNoLongerReceived_IsInvalidParams()
    {
        using var client = fixture.CreateDemoClient();
        var session = await client.CreateSessionAsync();
        var (aliceId, aliceToken) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        var (bobId, bobToken) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        await client.AddToSessionAsync(session, aliceId);
        await client.AddToSessionAsync(session, bobId, $$"""{"sessionId":"{{session}}"}""");
        await using var alice = await DeviceSocket.ConnectAsync(fixture.Factory, aliceToken, "alice", "/v2");
        await using var bob = await DeviceSocket.ConnectAsync(fixture.Factory, bobToken, "bob", "/v2");
        Router.Apply(session, [new RouteEdge(aliceId, RouteEdge.AnyAlias, bobId)]);
        var request = (await alice.CallAsync("requestToPublish", new JsonObject { ["mediaTypes"] = new JsonArray("AUDIO"), ["alias"] = "microphone" }))["result"]!;
        await alice.CallAsync("offerSdp", new JsonObject { ["sdpOffer"] = AudioOffer("sendonly"), ["endpointId"] = (string)request["endpointId"]! });
        var endpointId = (string)(await NextAsync(bob, "sdpNeeded"))["params"]!["endpointId"]!;

        Router.Apply(session, []);
        await NextAsync(bob, "endpointRemoved");
        var late = await bob.CallAsync("offerSdp", new JsonObject { ["sdpOffer"] = AudioOffer("recvonly"), ["endpointId"] = endpointId });

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)late["error"]!["code"]!);
    }

    private SfuRouter Router => fixture.Factory.Services.GetRequiredService<SfuRouter>();

    private static async Task<JsonNode> NextAsync(DeviceSocket socket, string method)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync() ?? throw new InvalidOperationException($"closed before {method}: {socket.CloseDescription}");
            if ((string?)message["method"] == method)
            {
                return message;
            }
        }
    }

    /// <summary>A Chromium-shaped one-line audio offer (the v2 SDK offers every connection).</summary>
    private static string AudioOffer(string direction) =>
        "v=0\r\no=- 42 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\na=msid-semantic: WMS s\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n"
        + $"a=ice-ufrag:brws\r\na=ice-pwd:browserpassword1234567890\r\na=fingerprint:{Fingerprint}\r\na=setup:actpass\r\n"
        + $"a=mid:0\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na={direction}\r\n"
        + (direction == "sendonly" ? "a=msid:s a\r\n" : string.Empty)
        + "a=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
        + (direction == "sendonly" ? "a=ssrc:1111 cname:c\r\n" : string.Empty);

    private async Task<DeviceSocket> ConnectAsync(string[] permissions)
    {
        using var client = fixture.CreateDemoClient();
        var (_, token) = await client.CreateParticipantAsync(permissions: permissions);
        return await DeviceSocket.ConnectAsync(fixture.Factory, token, path: "/v2");
    }
}
