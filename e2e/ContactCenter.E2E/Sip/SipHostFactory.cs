using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.E2E.Sip;

/// <summary>The real host on Kestrel (free port) with media and SIP on ephemeral ports and its data in a temp folder.</summary>
public sealed class SipHostFactory : WebApplicationFactory<Program>
{
    public SipHostFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cc-sip-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public string Folder { get; }

    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContactCenter.Web.HostPaths.ResolveContentRoot([]));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:ContactCenter", $"Data Source={Path.Combine(Folder, "contactcenter.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Tokens:KeyFile", Path.Combine(Folder, "token-signing.key"));
        builder.UseSetting("Media:ListenAddress", "127.0.0.1");
        builder.UseSetting("Media:Port", "0");
        builder.UseSetting("Media:AnnouncedAddress", "127.0.0.1");
        builder.UseSetting("Sip:ListenAddress", "127.0.0.1");
        builder.UseSetting("Sip:Port", "0");
        builder.UseSetting("Sip:RtpPortMin", "43000");
        builder.UseSetting("Sip:RtpPortMax", "43999");
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
            // SQLite may still hold the file for a moment; the OS cleans its temp folder.
        }
    }
}
