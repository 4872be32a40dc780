using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.E2E.Infrastructure;

/// <summary>
/// The real host on Kestrel at http://127.0.0.1:&lt;free port&gt;, over a fresh SQLite file in a temp folder, with the
/// media socket and SIP on ephemeral ports (a running app keeps its own). The content root is the one Program picks
/// (the repository root), so the host does not see it change. Subclasses add their own settings.
/// </summary>
public abstract class E2EHostFactory : WebApplicationFactory<Program>
{
    protected E2EHostFactory(string folderPrefix)
    {
        Folder = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"));
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

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContactCenter.Web.HostPaths.ResolveContentRoot([]));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:ContactCenter", $"Data Source={Path.Combine(Folder, "contactcenter.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Tokens:KeyFile", Path.Combine(Folder, "token-signing.key"));
        builder.UseSetting("Media:ListenAddress", "127.0.0.1");
        builder.UseSetting("Media:Port", "0");
        builder.UseSetting("Media:AnnouncedAddress", "127.0.0.1");
        builder.UseSetting("Sip:Port", "0");
        ConfigureSettings(builder);
    }

    /// <summary>The subclass's own settings, applied after the common ones.</summary>
    protected abstract void ConfigureSettings(IWebHostBuilder builder);

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
