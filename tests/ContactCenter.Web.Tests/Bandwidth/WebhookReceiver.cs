using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Web.Tests.Bandwidth;

/// <summary>
/// A real HTTP listener (Kestrel on 127.0.0.1:0) playing a 3PCC's callback endpoint. <c>/ok/*</c> answers 200,
/// <c>/flaky/*</c> answers 500 to the first two requests of each path and 200 after, <c>/hang/*</c> never answers.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private int _hanging;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Hanging requests in flight right now.</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{kind}/{**rest}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    public string Url(string kind) => new Uri(BaseAddress, $"/{kind}/{Guid.NewGuid():N}").ToString();

    public ReceivedWebhook[] For(string url) => [.. Received.Where(r => r.Url == url)];

    /// <summary>Polls until <paramref name="done"/> holds (generous deadline; the assertion is on what arrived).</summary>
    public static async Task WaitUntilAsync(Func<bool> done)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!done() && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context, string kind)
    {
        var url = new Uri(BaseAddress, context.Request.Path).ToString();
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var attempt = _attempts.AddOrUpdate(url, 1, (_, n) => n + 1);
        Received.Enqueue(new ReceivedWebhook(url, attempt, body!, Hanging));
        switch (kind)
        {
            case "flaky" when attempt <= 2:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case "hang":
                Interlocked.Increment(ref _hanging);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The sender gave up on this try: what the test waits for.
                }
                finally
                {
                    Interlocked.Decrement(ref _hanging);
                }

                return Results.Ok();
            default:
                return Results.Ok();
        }
    }
}
