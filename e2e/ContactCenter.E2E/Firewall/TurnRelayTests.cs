using ContactCenter.E2E.Sfu;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Firewall;

/// <summary>
/// Only TURN reachable: both browsers run with <c>iceTransportPolicy: "relay"</c>, so every packet goes through
/// the test's coturn (127.0.0.1) with the credentials the server handed out on connect.
/// </summary>
[Collection(TurnCollection.Name)]
public sealed class TurnRelayTests(TurnFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RelayOnly_TwoBrowsers_TwoWayAudioThroughCoturn()
    {
        using var api = new SfuApi(fixture.Host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (customerId, customerToken) = await api.CreateParticipantAsync("AUDIO");
        var (agentId, agentToken) = await api.CreateParticipantAsync("AUDIO");
        // Each receives the whole session.
        await api.AddMemberAsync(session, customerId, $"{{\"sessionId\":\"{session}\"}}");
        await api.AddMemberAsync(session, agentId, $"{{\"sessionId\":\"{session}\"}}");
        await using var customer = await SfuBrowser.OpenAsync(fixture.Browser, fixture.Host.BaseAddress, "customer", output);
        await using var agent = await SfuBrowser.OpenAsync(fixture.Browser, fixture.Host.BaseAddress, "agent", output);
        var relayOnly = new { iceTransportPolicy = "relay" };

        try
        {
            Assert.Equal("ok:" + customerId, await customer.ConnectAsync(customerToken, relayOnly));
            Assert.Equal("ok:" + agentId, await agent.ConnectAsync(agentToken, relayOnly));
            Assert.Equal("ok", await customer.PublishAsync("audio", "microphone"));
            Assert.Equal("ok", await agent.PublishAsync("audio", "microphone"));

            await ReceivesAudioAsync(customer, agentId, "agent");
            await ReceivesAudioAsync(agent, customerId, "customer");
            foreach (var browser in new[] { customer, agent })
            {
                var info = await browser.ConnectionAsync();
                output.WriteLine($"{browser.Name}: {info}");
                Assert.Equal("relay", info.Publish?.LocalType);
                Assert.Equal("relay", info.Subscribe?.LocalType);
                Assert.Equal("host", info.Publish?.RemoteType);
            }
        }
        catch
        {
            output.WriteLine("coturn log:\n" + fixture.Turn.ReadLog());
            throw;
        }
    }

    private async Task ReceivesAudioAsync(SfuBrowser receiver, string publisherId, string publisherName)
    {
        var until = DateTime.UtcNow + Deadline;
        var first = await receiver.StatsAsync(publisherId);
        var now = first;
        while (DateTime.UtcNow < until && now.AudioBytes <= first.AudioBytes + 1000)
        {
            await Task.Delay(250);
            now = await receiver.StatsAsync(publisherId);
        }

        output.WriteLine($"{receiver.Name} <- {publisherName}: {first} -> {now}");
        Assert.True(now.AudioBytes > first.AudioBytes + 1000, $"{receiver.Name} receives no audio from {publisherName} through TURN: {first} -> {now}");
    }
}
