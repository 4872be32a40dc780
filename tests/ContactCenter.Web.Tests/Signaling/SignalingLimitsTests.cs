using System.Text;
using System.Text.Json.Nodes;
using ContactCenter.Media.Transport;
using ContactCenter.Web.Bandwidth;
using ContactCenter.Web.Signaling;
using ContactCenter.Web.Tests.Bandwidth;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Signaling;

/// <summary>
/// What one participant token can make the server hold: m-lines per publish offer (Limits:SdpMediaLines, 32),
/// open signaling connections (Limits:SignalingConnectionsPerParticipant, 4), and no peer from a connection that a
/// newer one replaced. The real host with the real SFU on an ephemeral UDP port.
/// </summary>
public sealed class SignalingLimitsTests(RtcHubFixture fixture) : IClassFixture<RtcHubFixture>
{
    private UdpMediaTransport Transport => fixture.Factory.Services.GetRequiredService<UdpMediaTransport>();

    [Fact]
    public async Task Publish_OfferWithMoreMLinesThanTheLimit_RefusedWithTheLimitAndNoPeer()
    {
        var token = await ParticipantTokenAsync();
        await using var hub = await ConnectedHubAsync(token);
        int peers = Transport.PeerCount;

        var error = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync<PublishResult>("Publish", new PublishRequest(OfferWithAudioLines(33), [new PublishStreamDto("0", "microphone")])));

        Assert.Contains("more than 32 m-lines", error.Message, StringComparison.Ordinal);
        Assert.Contains("Limits:SdpMediaLines", error.Message, StringComparison.Ordinal);
        Assert.Equal(peers, Transport.PeerCount);
    }

    [Fact]
    public async Task Publish_OfferAtTheLimit_IsAnswered()
    {
        var token = await ParticipantTokenAsync();
        await using var hub = await ConnectedHubAsync(token);

        var result = await hub.InvokeAsync<PublishResult>("Publish", new PublishRequest(OfferWithAudioLines(32), [new PublishStreamDto("0", "microphone")]));

        Assert.Equal(32, result.Sdp.Split("\nm=").Length - 1);
        await hub.InvokeAsync("Leave");
    }

    [Fact]
    public async Task Device_OfferSdpWithMoreMLinesThanTheLimit_IsInvalidParamsNamingTheLimit()
    {
        var token = await ParticipantTokenAsync();
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Factory, token);

        var reply = await socket.CallAsync("offerSdp", new JsonObject { ["sdpOffer"] = OfferWithAudioLines(200) });

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)reply["error"]!["code"]!);
        Assert.Contains("Limits:SdpMediaLines", (string)reply["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_MoreOpenConnectionsThanTheLimit_RefusedUntilOneCloses()
    {
        var (participantId, token) = await ParticipantAsync();
        var hubs = new List<HubConnection>();
        try
        {
            for (int i = 0; i < 4; i++)
            {
                hubs.Add(await ConnectedHubAsync(token));
            }

            await using var fifth = fixture.CreateHub(token);
            await fifth.StartAsync();
            var error = await Assert.ThrowsAsync<HubException>(() => fifth.InvokeAsync<ConnectResult>("Connect"));
            Assert.Contains("already has 4 open signaling connections", error.Message, StringComparison.Ordinal);

            await hubs[0].DisposeAsync();
            hubs.RemoveAt(0);
            var core = fixture.Factory.Services.GetRequiredService<SignalingCore>();
            await WaitUntilAsync(() => core.Connections.OpenFor(participantId) < 4);

            await fifth.InvokeAsync<ConnectResult>("Connect");
            Assert.Equal(4, core.Connections.OpenFor(participantId));
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Publish_OnAConnectionReplacedByANewerOne_RefusedAndMakesNoPeer()
    {
        var token = await ParticipantTokenAsync();
        await using var old = await ConnectedHubAsync(token);
        await using var newer = await ConnectedHubAsync(token);
        int peers = Transport.PeerCount;

        var error = await Assert.ThrowsAsync<HubException>(() =>
            old.InvokeAsync<PublishResult>("Publish", new PublishRequest(Sdp.PublishOffer(), [new PublishStreamDto("0", "microphone")])));

        Assert.Contains("no longer connected", error.Message, StringComparison.Ordinal);
        Assert.Equal(peers, Transport.PeerCount);
    }

    /// <summary>A Chromium-shaped publish offer with <paramref name="lines"/> audio m-lines (mids 0…n-1).</summary>
    private static string OfferWithAudioLines(int lines)
    {
        var text = new StringBuilder("v=0\r\no=- 42 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE")
            .AppendJoin(string.Empty, Enumerable.Range(0, lines).Select(i => " " + i)).Append("\r\n");
        for (int i = 0; i < lines; i++)
        {
            text.Append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n")
                .Append("a=ice-ufrag:brws\r\na=ice-pwd:browserpassword1234567890\r\n")
                .Append("a=fingerprint:sha-256 0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9\r\n")
                .Append("a=setup:actpass\r\n")
                .Append("a=mid:").Append(i).Append("\r\na=sendonly\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n")
                .Append("a=ssrc:").Append(1000 + i).Append(" cname:c\r\n");
        }

        return text.ToString();
    }

    private async Task<string> ParticipantTokenAsync() => (await ParticipantAsync()).Token;

    private async Task<(string Id, string Token)> ParticipantAsync()
    {
        using var client = fixture.CreateDemoClient();
        return await client.CreateParticipantAsync(permissions: ["AUDIO"]);
    }

    private async Task<HubConnection> ConnectedHubAsync(string token)
    {
        var hub = fixture.CreateHub(token);
        await hub.StartAsync();
        await hub.InvokeAsync<ConnectResult>("Connect");
        return hub;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(20);
        }
    }
}
