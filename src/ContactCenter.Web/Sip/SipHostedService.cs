using System.Net.Sockets;
using ContactCenter.Sip;
using ContactCenter.Sip.UserAgent;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Sip;

/// <summary>
/// Starts the SIP user agent with the host and disposes it (BYE to every phone) on stop. A SIP port in use
/// does not stop the host: the web side stays useful, and the log says loudly that phones are off.
/// </summary>
internal sealed class SipHostedService(
    IServiceProvider services, IOptions<SipOptions> sip, IOptions<PhoneCallOptions> phones, ILogger<SipHostedService> logger) : IHostedService
{
    private SipUserAgent? _agent;

    /// <summary>The running user agent, or null when SIP is disabled or its port was unavailable.</summary>
    public SipUserAgent? Agent => Volatile.Read(ref _agent);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!phones.Value.Enabled)
        {
            SipHostLog.Disabled(logger);
            return Task.CompletedTask;
        }

        var agent = services.GetRequiredService<SipUserAgent>();
        try
        {
            agent.Start();
            Volatile.Write(ref _agent, agent);
        }
        catch (SocketException ex)
        {
            SipHostLog.PortUnavailable(logger, sip.Value.ListenAddress, sip.Value.Port, ex.SocketErrorCode.ToString(), ex);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _agent, null) is { } agent)
        {
            await agent.DisposeAsync();
        }
    }
}
