using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Web.Tests.Bandwidth;

/// <summary>The real host with short webhook retries, and a real callback receiver.</summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    private readonly ApiFactory _api = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    internal WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Factory = _api.WithWebHostBuilder(builder => builder
            .UseSetting("Media:Port", "0")
            .UseSetting("Bandwidth:Webhooks:Attempts", "3")
            .UseSetting("Bandwidth:Webhooks:Timeout", "00:00:05")
            .UseSetting("Bandwidth:Webhooks:RetryDelay", "00:00:00.100"));
        _ = Factory.Server;
    }

    public HttpClient CreateDemoClient()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = _api.CreateDemoClient().DefaultRequestHeaders.Authorization;
        return client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _api.DisposeAsync();
        await Receiver.DisposeAsync();
        ApiFactory.DeleteFolder(_api.Folder);
    }
}
