using ContactCenter.E2E.Infrastructure;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Sfu;

/// <summary>
/// Three real Chromium participants through the SFU while the REST API switches call modes (src/ContactCenter.Core/CallModes/README.md).
/// Every phase checks presence and absence in the receiving browser (getStats) and in the server's edge counters.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SfuCallTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task CallModes_ThreeBrowsers_EachPhaseForwardsExactlyWhatTheModePlans()
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

        await using var customer = await SfuBrowser.OpenAsync(fixture, "customer", output);
        await using var agent = await SfuBrowser.OpenAsync(fixture, "agent", output);
        await using var supervisor = await SfuBrowser.OpenAsync(fixture, "supervisor", output);
        Assert.Equal("ok:" + customerId, await customer.ConnectAsync(customerToken));
        Assert.Equal("ok:" + agentId, await agent.ConnectAsync(agentToken));
        Assert.Equal("ok:" + supervisorId, await supervisor.ConnectAsync(supervisorToken));
        Assert.Equal("ok", await customer.PublishAsync("audio", "microphone"));
        Assert.Equal("ok", await customer.PublishAsync("video", "camera"));
        Assert.Equal("ok", await agent.PublishAsync("audio", "microphone"));
        Assert.Equal("ok", await agent.PublishAsync("video", "camera"));
        Assert.Equal("ok", await supervisor.PublishAsync("audio", "microphone"));
        var check = new SfuAssertions(api, session, output);

        output.WriteLine("== fully wired");
        await api.SetModeAsync(session, "fullyWired", supervisorId, agentId, customerId);
        await check.ReceivesAsync(customer, customerId, agentId, "agent", video: true);
        await check.ReceivesAsync(customer, customerId, supervisorId, "supervisor", video: false);
        await check.ReceivesAsync(agent, agentId, customerId, "customer", video: true);
        await check.ReceivesAsync(agent, agentId, supervisorId, "supervisor", video: false);
        await check.ReceivesAsync(supervisor, supervisorId, customerId, "customer", video: true);
        await check.ReceivesAsync(supervisor, supervisorId, agentId, "agent", video: true);

        output.WriteLine("== monitor");
        await api.SetModeAsync(session, "monitor", supervisorId, agentId, customerId);
        await check.ReceivesNothingAsync(customer, customerId, supervisorId, "supervisor");
        await check.ReceivesNothingAsync(agent, agentId, supervisorId, "supervisor");
        await check.ReceivesAsync(customer, customerId, agentId, "agent", video: true);
        await check.ReceivesAsync(agent, agentId, customerId, "customer", video: true);
        await check.ReceivesAsync(supervisor, supervisorId, customerId, "customer", video: true);
        await check.ReceivesAsync(supervisor, supervisorId, agentId, "agent", video: true);

        output.WriteLine("== whisper");
        await api.SetModeAsync(session, "whisper", supervisorId, agentId, customerId);
        await check.ReceivesZeroAsync(customer, customerId, supervisorId, "supervisor");
        await check.ReceivesAsync(agent, agentId, supervisorId, "supervisor", video: false);
        await check.ReceivesZeroAsync(customer, customerId, supervisorId, "supervisor");
        await check.ReceivesAsync(agent, agentId, customerId, "customer", video: true);
        await check.ReceivesAsync(customer, customerId, agentId, "agent", video: true);
        await check.ReceivesAsync(supervisor, supervisorId, customerId, "customer", video: true);
        await check.ReceivesAsync(supervisor, supervisorId, agentId, "agent", video: true);
        await check.ReceivesZeroAsync(customer, customerId, supervisorId, "supervisor");

        output.WriteLine("== barge");
        await api.SetModeAsync(session, "barge", supervisorId, agentId, customerId);
        await check.ReceivesAsync(customer, customerId, supervisorId, "supervisor", video: false);
        await check.ReceivesAsync(agent, agentId, supervisorId, "supervisor", video: false);
        await check.ReceivesAsync(customer, customerId, agentId, "agent", video: true);
        await check.ReceivesAsync(supervisor, supervisorId, customerId, "customer", video: true);

        output.WriteLine("== monitor again");
        await api.SetModeAsync(session, "monitor", supervisorId, agentId, customerId);
        await check.EdgeGoneAsync(supervisorId, customerId);
        await check.ReceivesNothingAsync(customer, customerId, supervisorId, "supervisor");
        await check.ReceivesNothingAsync(agent, agentId, supervisorId, "supervisor");
        await check.ReceivesAsync(customer, customerId, agentId, "agent", video: true);
        await check.ReceivesAsync(supervisor, supervisorId, agentId, "agent", video: true);
    }
}
