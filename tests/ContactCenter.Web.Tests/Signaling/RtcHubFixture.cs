using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ContactCenter.Web.Tests.Signaling;

/// <summary>The real host (media on an ephemeral UDP port) and SignalR clients for /hubs/rtc over the test server.</summary>
public sealed class RtcHubFixture : IAsyncLifetime
{
    private readonly ApiFactory _api = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = _api.WithWebHostBuilder(builder => builder.UseSetting("Media:Port", "0"));
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public HttpClient CreateDemoClient()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = _api.CreateDemoClient().DefaultRequestHeaders.Authorization;
        return client;
    }

    public HubConnection CreateHub(string? token) => CreateHub(Factory, token);

    /// <summary>A hub client of <paramref name="factory"/> (this fixture's host, or one derived from it with other settings).</summary>
    public static HubConnection CreateHub(WebApplicationFactory<Program> factory, string? token)
    {
        var url = new Uri(factory.Server.BaseAddress, "/hubs/rtc" + (token is null ? string.Empty : "?access_token=" + Uri.EscapeDataString(token)));
        return new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _api.DisposeAsync();
        ApiFactory.DeleteFolder(_api.Folder);
    }
}
