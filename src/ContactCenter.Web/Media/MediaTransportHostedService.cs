using System.Net.Sockets;
using ContactCenter.Media.Transport;

namespace ContactCenter.Web.Media;

/// <summary>Binds the media socket when the host starts and closes every peer when it stops.</summary>
internal sealed partial class MediaTransportHostedService(
    UdpMediaTransport transport, IConfiguration configuration, ILogger<MediaTransportHostedService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await transport.StartAsync(cancellationToken);
            var announced = new List<System.Net.IPAddress>(transport.AnnouncedEndPoints.Count);
            foreach (var endPoint in transport.AnnouncedEndPoints)
            {
                announced.Add(endPoint.Address);
            }

            if (AnnouncedAddressCheck.Warning(announced, configuration[WebHostDefaults.ServerUrlsKey]) is { } warning)
            {
                LoopbackAnnounced(logger, warning);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            // The control plane and UI stay useful without media (and several test hosts may share a machine);
            // the log says loudly that calls will have no media until Media:Port is fixed.
            PortInUse(logger, transport.Options.ListenAddress, transport.Options.Port, ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await transport.DisposeAsync();

    [LoggerMessage(2, LogLevel.Warning, "{Warning}")]
    private static partial void LoopbackAnnounced(ILogger logger, string warning);

    [LoggerMessage(1, LogLevel.Critical, "Media UDP port {Address}:{Port} is in use; media is DISABLED in this process")]
    private static partial void PortInUse(ILogger logger, string address, int port, Exception exception);
}
