using System.Net.Http.Headers;
using System.Text;
using ContactCenter.E2E.Infrastructure;
using ContactCenter.E2E.Sfu;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Bandwidth;

/// <summary>
/// The unmodified older Bandwidth browser SDK (npm 0.9.2-beta.1, bundled by test.sh into BandwidthSdkV2/) with V2
/// tokens from our REST API, so it speaks device protocol v2 to our /v2 door: a connection per published endpoint
/// and one per received stream, all offered by the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BandwidthSdkV2Tests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task BandwidthSdkV2_TwoClients_PublishReceiveAndUnsubscribe()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (aliceId, aliceToken) = await api.CreateV2ParticipantAsync("AUDIO", "VIDEO");
        var (bobId, bobToken) = await api.CreateV2ParticipantAsync("AUDIO", "VIDEO");
        await api.AddMemberAsync(session, aliceId, $$"""{"sessionId":"{{session}}"}""");
        await api.AddMemberAsync(session, bobId, $$"""{"sessionId":"{{session}}"}""");

        await using var alice = await BandwidthSdkBrowser.OpenAsync(fixture, "alice", output, BandwidthSdkPage.OlderSdk);
        await using var bob = await BandwidthSdkBrowser.OpenAsync(fixture, "bob", output, BandwidthSdkPage.OlderSdk);
        Assert.Equal("ok", await alice.ConnectAsync(aliceToken));
        Assert.Equal("ok", await bob.ConnectAsync(bobToken));
        Assert.Equal("ok:AUDIO", await alice.PublishAsync("audio", "microphone"));
        Assert.Equal("ok:AUDIO", await bob.PublishAsync("audio", "microphone"));

        foreach (var (receiver, publisherId) in new[] { (alice, bobId), (bob, aliceId) })
        {
            var available = await receiver.WaitForEventAsync(e => e.Type == "available" && e.Alias == "microphone" && e.ParticipantId == publisherId);
            Assert.True(available is not null, $"{receiver.Name} got no onStreamAvailable for the microphone of {publisherId}: {string.Join("; ", await receiver.EventsAsync())}");
            Assert.Equal(["AUDIO"], available.MediaTypes ?? []);
        }

        var check = new MediaChecks(api, session, output);
        await check.ReceivesAsync("alice", alice.StatsAsync, aliceId, bobId, "bob", video: false);
        await check.ReceivesAsync("bob", bob.StatsAsync, bobId, aliceId, "alice", video: false);

        // The 3PCC removes all of bob's subscriptions: the SDK hears endpointRemoved and raises onStreamUnavailable.
        var microphone = (await bob.EventsAsync()).First(e => e.Type == "available" && e.ParticipantId == aliceId);
        await PutSubscriptionsAsync(session, bobId, "{}");
        var gone = await bob.WaitForEventAsync(e => e.Type == "unavailable" && e.EndpointId == microphone.EndpointId);
        Assert.True(gone is not null, $"bob got no onStreamUnavailable for {microphone.EndpointId}: {string.Join("; ", await bob.EventsAsync())}");
        Assert.Null(await api.EdgePacketsAsync(session, aliceId, bobId));

        // alice still receives bob.
        await check.ReceivesAsync("alice", alice.StatsAsync, aliceId, bobId, "bob", video: false);
    }

    [Fact]
    public async Task BandwidthSdkV2_MixedWithOurSdkUnderWhisper_CustomerNeverReceivesTheSupervisor()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (customerId, customerToken) = await api.CreateV2ParticipantAsync("AUDIO");
        var (agentId, agentToken) = await api.CreateV2ParticipantAsync("AUDIO");
        var (supervisorId, supervisorToken) = await api.CreateParticipantAsync("AUDIO");
        foreach (var id in new[] { customerId, agentId, supervisorId })
        {
            await api.AddMemberAsync(session, id);
        }

        await using var customer = await BandwidthSdkBrowser.OpenAsync(fixture, "customer", output, BandwidthSdkPage.OlderSdk);
        await using var agent = await BandwidthSdkBrowser.OpenAsync(fixture, "agent", output, BandwidthSdkPage.OlderSdk);
        await using var supervisor = await SfuBrowser.OpenAsync(fixture, "supervisor", output);
        Assert.Equal("ok", await customer.ConnectAsync(customerToken));
        Assert.Equal("ok", await agent.ConnectAsync(agentToken));
        Assert.Equal("ok:" + supervisorId, await supervisor.ConnectAsync(supervisorToken));
        Assert.Equal("ok:AUDIO", await customer.PublishAsync("audio", "microphone"));
        Assert.Equal("ok:AUDIO", await agent.PublishAsync("audio", "microphone"));
        Assert.Equal("ok", await supervisor.PublishAsync("audio", "microphone"));
        var check = new MediaChecks(api, session, output);

        output.WriteLine("== whisper");
        await api.SetModeAsync(session, "whisper", supervisorId, agentId, customerId);
        await check.ReceivesZeroAsync("customer", customer.StatsAsync, customerId, supervisorId, "supervisor");
        await check.ReceivesAsync("agent", agent.StatsAsync, agentId, supervisorId, "supervisor", video: false);
        await check.ReceivesAsync("agent", agent.StatsAsync, agentId, customerId, "customer", video: false);
        await check.ReceivesAsync("customer", customer.StatsAsync, customerId, agentId, "agent", video: false);
        await check.ReceivesAsync("supervisor", supervisor.StatsAsync, supervisorId, customerId, "customer", video: false);
        await check.ReceivesAsync("supervisor", supervisor.StatsAsync, supervisorId, agentId, "agent", video: false);
        await check.ReceivesZeroAsync("customer", customer.StatsAsync, customerId, supervisorId, "supervisor");
        Assert.DoesNotContain(await customer.EventsAsync(), e => e.ParticipantId == supervisorId);
        Assert.Contains(await agent.EventsAsync(), e => e.Type == "available" && e.ParticipantId == supervisorId && e.Alias == "microphone");
    }

    private async Task PutSubscriptionsAsync(string session, string participantId, string json)
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:demo-secret-change-me")));
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PutAsync($"/v1/accounts/demo/sessions/{session}/participants/{participantId}/subscriptions", content);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
