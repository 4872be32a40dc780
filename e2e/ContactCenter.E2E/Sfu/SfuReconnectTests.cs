using ContactCenter.E2E.Infrastructure;
using ContactCenter.Media.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Sfu;

/// <summary>ICE restart (what the SDK does after a network blip): new credentials are taken and media keeps flowing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SfuReconnectTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RestartIce_BothConnections_ServerTakesTheNewCredentialsAndMediaKeepsFlowing()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (publisherId, publisherToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (listenerId, listenerToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        await api.AddMemberAsync(session, publisherId);
        await api.AddMemberAsync(session, listenerId, $$"""{"sessionId":"{{session}}"}""");
        await using var publisher = await SfuBrowser.OpenAsync(fixture, "publisher", output);
        await using var listener = await SfuBrowser.OpenAsync(fixture, "listener", output);
        Assert.StartsWith("ok:", await publisher.ConnectAsync(publisherToken), StringComparison.Ordinal);
        Assert.StartsWith("ok:", await listener.ConnectAsync(listenerToken), StringComparison.Ordinal);
        Assert.Equal("ok", await publisher.PublishAsync("audio", "microphone"));
        var check = new SfuAssertions(api, session, output);
        await check.ReceivesAsync(listener, listenerId, publisherId, "publisher", video: false);

        var router = fixture.Host.Services.GetRequiredService<SfuRouter>();
        var publishPeer = router.Find(publisherId)!.PublishPeer!;
        var revision = router.Find(listenerId)!.SdpRevision;
        var ufrag = publishPeer.RemoteUfrag;
        await publisher.Page.EvaluateAsync("() => window.rtc.restartIce()");
        await listener.Page.EvaluateAsync("() => window.rtc.restartIce()");

        var until = DateTime.UtcNow + Deadline;
        while ((publishPeer.RemoteUfrag == ufrag || router.Find(listenerId)!.SdpRevision == revision) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        output.WriteLine($"publish ufrag {ufrag} -> {publishPeer.RemoteUfrag}; subscribe revision {revision} -> {router.Find(listenerId)!.SdpRevision}");
        Assert.NotEqual(ufrag, publishPeer.RemoteUfrag);
        Assert.True(router.Find(listenerId)!.SdpRevision > revision);
        Assert.Same(publishPeer, router.Find(publisherId)!.PublishPeer); // same DTLS association, no new connection
        await check.ReceivesAsync(listener, listenerId, publisherId, "publisher", video: false);
    }
}
