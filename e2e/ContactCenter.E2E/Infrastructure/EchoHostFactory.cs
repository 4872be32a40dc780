using ContactCenter.Media.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.E2E.Infrastructure;

/// <summary>
/// The real host on Kestrel at http://127.0.0.1:&lt;free port&gt;, with the media socket on an ephemeral UDP
/// port, the dev echo endpoint on, and its data in a temp folder. The content root is the one Program picks
/// (the repository root), so the host does not see it change.
/// </summary>
public sealed class EchoHostFactory : WebApplicationFactory<Program>
{
    public EchoHostFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cc-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public string Folder { get; }

    /// <summary>The http://127.0.0.1:port base address Kestrel bound.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    public UdpMediaTransport Transport => Services.GetRequiredService<UdpMediaTransport>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContactCenter.Web.HostPaths.ResolveContentRoot([]));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:ContactCenter", $"Data Source={Path.Combine(Folder, "contactcenter.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Tokens:KeyFile", Path.Combine(Folder, "token-signing.key"));
        builder.UseSetting("Media:ListenAddress", "127.0.0.1");
        builder.UseSetting("Media:Port", "0");
        builder.UseSetting("Sip:Port", "0"); // never take the real SIP port from a running app
        builder.UseSetting("Media:AnnouncedAddress", "127.0.0.1");
        builder.UseSetting("Media:DevEcho", "true");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
