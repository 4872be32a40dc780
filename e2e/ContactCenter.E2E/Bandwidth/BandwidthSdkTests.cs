using System.Net.Http.Headers;
using System.Text;
using ContactCenter.E2E.Infrastructure;
using ContactCenter.E2E.Sfu;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Bandwidth;

/// <summary>
/// The unmodified official Bandwidth browser SDK (npm, bundled by test.sh) against our /v3 door, with tokens from
/// our REST API: two SDK clients exchange media, a third on our own SDK joins under whisper, and a REST
/// unsubscribe reaches the SDK as onStreamUnavailable.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BandwidthSdkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task BandwidthSdk_TwoClients_PublishReceiveAndUnsubscribe()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (aliceId, aliceToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (bobId, bobToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        await api.AddMemberAsync(session, aliceId, $$"""{"sessionId":"{{session}}"}""");
        await api.AddMemberAsync(session, bobId, $$"""{"sessionId":"{{session}}"}""");

        await using var alice = await BandwidthSdkBrowser.OpenAsync(fixture, "alice", output);
        await using var bob = await BandwidthSdkBrowser.OpenAsync(fixture, "bob", output);
        Assert.Equal("ok", await alice.ConnectAsync(aliceToken));
        Assert.Equal("ok", await bob.ConnectAsync(bobToken));
        Assert.Equal("ok:AUDIO", await alice.PublishAsync("audio", "microphone"));
        Assert.Equal("ok:VIDEO", await alice.PublishAsync("video", "camera"));
        Assert.Equal("ok:AUDIO", await bob.PublishAsync("audio", "microphone"));
        Assert.Equal("ok:VIDEO", await bob.PublishAsync("video", "camera"));

        foreach (var (receiver, publisherId) in new[] { (alice, bobId), (bob, aliceId) })
        {
            foreach (var (alias, type) in new[] { ("microphone", "AUDIO"), ("camera", "VIDEO") })
            {
                var available = await receiver.WaitForEventAsync(e => e.Type == "available" && e.Alias == alias && e.ParticipantId == publisherId);
                Assert.True(available is not null, $"{receiver.Name} got no onStreamAvailable for {alias} of {publisherId}: {string.Join("; ", await receiver.EventsAsync())}");
                Assert.Equal([type], available.MediaTypes ?? []);
            }
        }

        var check = new MediaChecks(api, session, output);
        await check.ReceivesAsync("alice", alice.StatsAsync, aliceId, bobId, "bob", video: true);
        await check.ReceivesAsync("bob", bob.StatsAsync, bobId, aliceId, "alice", video: true);

        // DTLS roles as the SDK forces them: it answers our subscribe offer "passive", so there we are the client.
        var router = fixture.Host.Services.GetRequiredService<SfuRouter>();
        Assert.Equal(DtlsRole.Client, router.Find(aliceId)!.SubscribePeer!.DtlsRole);
        Assert.Equal(DtlsRole.Server, router.Find(aliceId)!.PublishPeer!.DtlsRole);
        var roles = await alice.DtlsRolesAsync();
        output.WriteLine("alice's DTLS roles: " + string.Join(", ", roles));
        Assert.Contains("subscribe:server", roles);
        Assert.Contains("publish:client", roles);

        // The 3PCC narrows bob's subscription to alice's microphone: the SDK reports her camera stream gone.
        var camera = (await bob.EventsAsync()).First(e => e.Type == "available" && e.Alias == "camera" && e.ParticipantId == aliceId);
        await PutSubscriptionsAsync(session, bobId, $$"""{"participants":[{"participantId":"{{aliceId}}","streamAliases":["microphone"]}]}""");
        var gone = await bob.WaitForEventAsync(e => e.Type == "unavailable" && e.EndpointId == camera.EndpointId);
        Assert.True(gone is not null, $"bob got no onStreamUnavailable for {camera.EndpointId}: {string.Join("; ", await bob.EventsAsync())}");
        Assert.DoesNotContain(await bob.EventsAsync(), e => e.Type == "unavailable" && e.EndpointId != camera.EndpointId);
        await check.ReceivesAsync("bob", bob.StatsAsync, bobId, aliceId, "alice", video: false);
    }

    [Fact]
    public async Task BandwidthSdk_MixedWithOurSdkUnderWhisper_CustomerNeverReceivesTheSupervisor()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (customerId, customerToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (agentId, agentToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (supervisorId, supervisorToken) = await api.CreateParticipantAsync("AUDIO");
        foreach (var id in new[] { customerId, agentId, supervisorId })
        {
            await api.AddMemberAsync(session, id);
        }

        await using var customer = await BandwidthSdkBrowser.OpenAsync(fixture, "customer", output);
        await using var agent = await BandwidthSdkBrowser.OpenAsync(fixture, "agent", output);
        await using var supervisor = await SfuBrowser.OpenAsync(fixture, "supervisor", output);
        Assert.Equal("ok", await customer.ConnectAsync(customerToken));
        Assert.Equal("ok", await agent.ConnectAsync(agentToken));
        Assert.Equal("ok:" + supervisorId, await supervisor.ConnectAsync(supervisorToken));
        Assert.Equal("ok:AUDIO", await customer.PublishAsync("audio", "microphone"));
        Assert.Equal("ok:VIDEO", await customer.PublishAsync("video", "camera"));
        Assert.Equal("ok:AUDIO", await agent.PublishAsync("audio", "microphone"));
        Assert.Equal("ok:VIDEO", await agent.PublishAsync("video", "camera"));
        Assert.Equal("ok", await supervisor.PublishAsync("audio", "microphone"));
        var check = new MediaChecks(api, session, output);

        output.WriteLine("== whisper");
        await api.SetModeAsync(session, "whisper", supervisorId, agentId, customerId);
        await check.ReceivesZeroAsync("customer", customer.StatsAsync, customerId, supervisorId, "supervisor");
        await check.ReceivesAsync("agent", agent.StatsAsync, agentId, supervisorId, "supervisor", video: false);
        await check.ReceivesAsync("agent", agent.StatsAsync, agentId, customerId, "customer", video: true);
        await check.ReceivesAsync("customer", customer.StatsAsync, customerId, agentId, "agent", video: true);
        await check.ReceivesAsync("supervisor", supervisor.StatsAsync, supervisorId, customerId, "customer", video: true);
        await check.ReceivesAsync("supervisor", supervisor.StatsAsync, supervisorId, agentId, "agent", video: true);
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
