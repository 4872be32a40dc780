using ContactCenter.Media.Transport;

namespace ContactCenter.Web.Media;

/// <summary>Binds the media socket when the host starts and closes every peer when it stops.</summary>
internal sealed class MediaTransportHostedService(UdpMediaTransport transport) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => transport.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await transport.DisposeAsync();
}
