using ContactCenter.Core.Queue;
using ContactCenter.Sip;
using ContactCenter.Sip.Tests.Sipp;
using ContactCenter.Web.Sip;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Sip;

/// <summary>A trunk call into a full call queue is refused with 486 and Retry-After, and creates nothing.</summary>
public sealed class QueueFullTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(configureServices: services =>
    {
        services.Configure<SipOptions>(o => o.Trunks.Add(new SipTrunkOptions { Name = "loopback", Addresses = { "127.0.0.1" } }));
        services.Configure<PhoneCallOptions>(o => o.MaxQueuedCalls = 1);
    });

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OnInviteAsync_QueueFull_Answers486WithRetryAfter()
    {
        var center = _factory.Services.GetRequiredService<CallCenter>();
        var waiting = await center.StartWebCallAsync("Web caller");
        Assert.True(waiting.IsSuccess, waiting.ToString());
        var sip = _factory.Services.GetRequiredService<SipHostedService>().Agent!;

        var result = await SippRunner.RunAsync("uac-trunk-busy.xml", sip.LocalEndPoint);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        Assert.DoesNotContain(center.ActiveCalls, c => c.CustomerName == "+15559990000");
        Assert.Single(center.ActiveCalls);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        ApiFactory.DeleteFolder(_factory.Folder);
    }
}
