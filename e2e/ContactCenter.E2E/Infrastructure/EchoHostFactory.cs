using ContactCenter.Media.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.E2E.Infrastructure;

/// <summary>The e2e host with the dev echo endpoint on, for the transport tests and the SFU tests.</summary>
public sealed class EchoHostFactory() : E2EHostFactory("cc-e2e-")
{
    public UdpMediaTransport Transport => Services.GetRequiredService<UdpMediaTransport>();

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Media:DevEcho", "true");
}
