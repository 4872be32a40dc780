using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tokens;
using ContactCenter.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Sfu;

/// <summary>What a participant cannot do through the SFU: receive what it did not subscribe to, publish a kind
/// it has no permission for, or connect with a token for another session or an expired one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SfuAccessTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task StreamAliasSubscription_MicrophoneOnly_ReceivesAudioButNoVideo()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (publisherId, publisherToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (listenerId, listenerToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        await api.AddMemberAsync(session, publisherId);
        await api.AddMemberAsync(session, listenerId,
            $$"""{"sessionId":"{{session}}","participants":[{"participantId":"{{publisherId}}","streamAliases":["microphone"]}]}""");

        await using var publisher = await SfuBrowser.OpenAsync(fixture, "publisher", output);
        await using var listener = await SfuBrowser.OpenAsync(fixture, "listener", output);
        Assert.StartsWith("ok:", await publisher.ConnectAsync(publisherToken), StringComparison.Ordinal);
        Assert.StartsWith("ok:", await listener.ConnectAsync(listenerToken), StringComparison.Ordinal);
        Assert.Equal("ok", await publisher.PublishAsync("audio", "microphone"));
        Assert.Equal("ok", await publisher.PublishAsync("video", "camera"));

        var check = new SfuAssertions(api, session, output);
        await check.ReceivesAsync(listener, listenerId, publisherId, "publisher", video: false);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stats = await listener.StatsAsync(publisherId);
        var edges = await api.EdgesAsync(session, publisherId, listenerId);
        output.WriteLine($"listener <- publisher: {stats}; edges: {string.Join(", ", edges)}");
        Assert.True(stats.AudioBytes > 0);
        Assert.Equal(0, stats.VideoBytes);
        Assert.Equal(0, stats.FramesDecoded);
        Assert.Equal(["microphone"], edges.Keys);
    }

    [Fact]
    public async Task Unpublish_Camera_VideoStopsAtOnceWhileAudioContinues()
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
        Assert.Equal("ok", await publisher.PublishAsync("video", "camera"));
        var check = new SfuAssertions(api, session, output);
        await check.ReceivesAsync(listener, listenerId, publisherId, "publisher", video: true);

        await publisher.Page.EvaluateAsync("() => window.rtc.unpublish('camera')");

        Assert.Equal(["microphone"], (await api.EdgesAsync(session, publisherId, listenerId)).Keys);
        await check.ReceivesAsync(listener, listenerId, publisherId, "publisher", video: false);
        // The listener's SDK drops the camera stream when the offer that retires its m-line arrives.
        var until = DateTime.UtcNow.AddSeconds(30);
        var stats = await listener.StatsAsync(publisherId);
        while (stats.VideoBytes != 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            stats = await listener.StatsAsync(publisherId);
        }

        output.WriteLine($"after unpublish: {stats}");
        Assert.Equal(0, stats.VideoBytes);
    }

    [Fact]
    public async Task Publish_AudioOnlyParticipantPublishesVideo_IsRefusedAndNothingForwarded()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (audioOnlyId, audioOnlyToken) = await api.CreateParticipantAsync("AUDIO");
        var (listenerId, listenerToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        await api.AddMemberAsync(session, audioOnlyId);
        await api.AddMemberAsync(session, listenerId, $$"""{"sessionId":"{{session}}"}""");

        await using var audioOnly = await SfuBrowser.OpenAsync(fixture, "audio-only", output);
        await using var listener = await SfuBrowser.OpenAsync(fixture, "listener", output);
        Assert.StartsWith("ok:", await audioOnly.ConnectAsync(audioOnlyToken), StringComparison.Ordinal);
        Assert.StartsWith("ok:", await listener.ConnectAsync(listenerToken), StringComparison.Ordinal);

        var refused = await audioOnly.PublishAsync("video", "camera");
        output.WriteLine(refused);
        Assert.StartsWith("error:", refused, StringComparison.Ordinal);
        Assert.Contains("may not publish VIDEO", refused, StringComparison.Ordinal);
        var published = await audioOnly.PublishAsync("audio", "microphone");
        output.WriteLine(published);
        Assert.Equal("ok", published);

        var check = new SfuAssertions(api, session, output);
        await check.ReceivesAsync(listener, listenerId, audioOnlyId, "audio-only", video: false);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stats = await listener.StatsAsync(audioOnlyId);
        var edges = await api.EdgesAsync(session, audioOnlyId, listenerId);
        output.WriteLine($"listener <- audio-only: {stats}; edges: {string.Join(", ", edges)}");
        Assert.Equal(0, stats.VideoBytes);
        Assert.Equal(["microphone"], edges.Keys);
    }

    [Fact]
    public async Task Connect_TokenForAnotherSession_IsRefused()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var first = await api.CreateSessionAsync();
        var second = await api.CreateSessionAsync();
        var (participantId, _) = await api.CreateParticipantAsync("AUDIO");
        await api.AddMemberAsync(second, participantId);
        var secondSessionToken = await IssueAsync(participantId, TimeProvider.System);
        await api.RemoveMemberAsync(second, participantId);
        await api.AddMemberAsync(first, participantId);

        await using var browser = await SfuBrowser.OpenAsync(fixture, "intruder", output);
        var result = await browser.ConnectAsync(secondSessionToken);
        output.WriteLine(result);
        Assert.StartsWith("error:", result, StringComparison.Ordinal);
        Assert.Contains($"token is for session {second}", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ExpiredToken_IsRefused()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (participantId, _) = await api.CreateParticipantAsync("AUDIO");
        await api.AddMemberAsync(session, participantId);
        var expired = await IssueAsync(participantId, new FixedTimeProvider(DateTimeOffset.UtcNow.AddDays(-2)));

        await using var browser = await SfuBrowser.OpenAsync(fixture, "late", output);
        var result = await browser.ConnectAsync(expired);
        output.WriteLine(result);
        Assert.StartsWith("error:", result, StringComparison.Ordinal);
        Assert.Contains("Expired", result, StringComparison.Ordinal);
    }

    /// <summary>A token issued by the host's own key, as of <paramref name="clock"/>, for the participant as it is now.</summary>
    private async Task<string> IssueAsync(string participantId, TimeProvider clock)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<ICallStore>();
        var participant = await store.FindParticipantAsync(participantId) ?? throw new InvalidOperationException("no participant");
        var tokens = new ParticipantTokenService(
            services.GetRequiredService<IOptions<ParticipantTokenOptions>>(), services.GetRequiredService<ParticipantTokenKey>(), clock, store);
        return tokens.Issue(participant).Value;
    }
}
