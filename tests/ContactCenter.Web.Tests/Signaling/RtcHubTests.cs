using System.Reflection;
using ContactCenter.Media.Routing;
using ContactCenter.Web.Signaling;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Signaling;

public sealed class RtcHubTests(RtcHubFixture fixture) : IClassFixture<RtcHubFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Connect_NoToken_IsRefusedWithTheReason()
    {
        await using var hub = fixture.CreateHub(null);
        await hub.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ConnectResult>("Connect"));

        Assert.Contains("participant token was refused (Malformed)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ForgedToken_IsRefusedWithTheReason()
    {
        using var client = fixture.CreateDemoClient();
        var (_, token) = await client.CreateParticipantAsync();
        var forged = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        await using var hub = fixture.CreateHub(forged);
        await hub.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ConnectResult>("Connect"));

        Assert.Contains("BadSignature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ValidToken_ReturnsTheParticipantAndItsPermissions()
    {
        using var client = fixture.CreateDemoClient();
        var session = await client.CreateSessionAsync();
        var (id, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        await client.AddToSessionAsync(session, id);
        await using var hub = fixture.CreateHub(token);
        await hub.StartAsync();

        var result = await hub.InvokeAsync<ConnectResult>("Connect");

        Assert.Equal(id, result.ParticipantId);
        Assert.Equal(session, result.SessionId);
        Assert.Equal(["AUDIO"], result.PublishPermissions);
    }

    [Fact]
    public async Task Connect_WithoutTurn_ReturnsNoIceServers()
    {
        using var client = fixture.CreateDemoClient();
        var (_, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        await using var hub = fixture.CreateHub(token);
        await hub.StartAsync();

        var result = await hub.InvokeAsync<ConnectResult>("Connect");

        Assert.Empty(result.IceServers);
    }

    [Fact]
    public async Task Connect_WithTurn_ReturnsShortLivedCredentialsForThisParticipant()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Media:Turn:Urls", "turn:127.0.0.1:3478?transport=udp");
            builder.UseSetting("Media:Turn:Secret", "test-secret");
            builder.UseSetting("Media:Turn:TtlSeconds", "600");
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = fixture.CreateDemoClient().DefaultRequestHeaders.Authorization;
        var (id, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        await using var hub = RtcHubFixture.CreateHub(factory, token);
        await hub.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var result = await hub.InvokeAsync<ConnectResult>("Connect");

        var server = Assert.Single(result.IceServers);
        Assert.Equal(["turn:127.0.0.1:3478?transport=udp"], server.Urls);
        var parts = server.Username.Split(':');
        Assert.Equal(id, parts[1]);
        Assert.InRange(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), before + 600, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600);
        Assert.Equal(ContactCenter.Web.Media.TurnCredentialIssuer.Credential("test-secret"u8, server.Username), server.Credential);
    }

    [Fact]
    public async Task Publish_BeforeConnect_IsRefused()
    {
        await using var hub = fixture.CreateHub(null);
        await hub.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync<PublishResult>("Publish", new PublishRequest(Sdp.PublishOffer(), [new PublishStreamDto("0", "microphone")])));

        Assert.Contains("Call connect first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_VideoAliasWithoutVideoPermission_IsRefusedAndNothingIsPublished()
    {
        using var client = fixture.CreateDemoClient();
        var (id, token) = await client.CreateParticipantAsync(permissions: ["AUDIO"]);
        await using var hub = fixture.CreateHub(token);
        await hub.StartAsync();
        await hub.InvokeAsync<ConnectResult>("Connect");

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<PublishResult>("Publish",
            new PublishRequest(Sdp.PublishOffer(), [new PublishStreamDto("0", "microphone"), new PublishStreamDto("1", "camera")])));
        var audio = await hub.InvokeAsync<PublishResult>("Publish",
            new PublishRequest(Sdp.PublishOffer(), [new PublishStreamDto("0", "microphone")]));

        Assert.Contains($"Participant {id} may not publish VIDEO (stream 'camera' on mid 1)", error.Message, StringComparison.Ordinal);
        Assert.Equal([("microphone", "AUDIO")], audio.Streams.Select(s => (s.Alias, s.MediaType)));
        Assert.Contains("m=video 0 ", audio.Sdp, StringComparison.Ordinal); // RFC 3264 §6: rejected with port 0
    }

    [Fact]
    public async Task Answer_WithExtraMLinesAndSsrcs_IsRefused_ThenAProperAnswerIsAccepted()
    {
        using var client = fixture.CreateDemoClient();
        var session = await client.CreateSessionAsync();
        var (publisherId, publisherToken) = await client.CreateParticipantAsync();
        var (subscriberId, subscriberToken) = await client.CreateParticipantAsync();
        await using var publisher = fixture.CreateHub(publisherToken);
        await using var subscriber = fixture.CreateHub(subscriberToken);
        var offers = new TaskCompletionSource<SdpOfferMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.On<SdpOfferMessage>("Offer", offer => offers.TrySetResult(offer));
        await publisher.StartAsync();
        await subscriber.StartAsync();
        await publisher.InvokeAsync<ConnectResult>("Connect");
        await subscriber.InvokeAsync<ConnectResult>("Connect");
        await publisher.InvokeAsync<PublishResult>("Publish",
            new PublishRequest(Sdp.PublishOffer(), [new PublishStreamDto("0", "microphone"), new PublishStreamDto("1", "camera")]));

        // Routing comes only from the control plane (here straight to the SFU: the test host records Core's edges).
        fixture.Factory.Services.GetRequiredService<SfuRouter>().Apply(session, [new RouteEdge(publisherId, RouteEdge.AnyAlias, subscriberId)]);
        var offer = await offers.Task.WaitAsync(Timeout);
        var error = await Assert.ThrowsAsync<HubException>(() =>
            subscriber.InvokeAsync("Answer", new AnswerRequest(Sdp.AnswerTo(offer.Sdp, extraLines: 1), offer.SdpRevision)));
        await subscriber.InvokeAsync("Answer", new AnswerRequest(Sdp.AnswerTo(offer.Sdp), offer.SdpRevision));

        Assert.Equal(1, offer.SdpRevision);
        Assert.Equal(["camera", "microphone"], offer.Streams.Select(s => s.Alias).Order());
        Assert.All(offer.Streams, s => Assert.Equal(publisherId, s.ParticipantId));
        Assert.Contains("3 m-line(s) but the offer had 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RtcHub_PublicMethods_OfferNoWayToChangeSubscriptionsOrRouting()
    {
        var methods = typeof(RtcHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(RtcHub.OnDisconnectedAsync))
            .Select(m => m.Name)
            .Order();

        Assert.Equal(["Answer", "Connect", "Leave", "Publish", "RestartIce", "Unpublish"], methods);
    }
}
