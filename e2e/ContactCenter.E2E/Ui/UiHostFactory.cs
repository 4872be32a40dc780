using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// The real host on Kestrel (free port) over a fresh database in a temp folder, so the demo users are seeded with
/// the known <see cref="Password"/>; the offer timeout is long so that a slow machine never times an offer out.
/// </summary>
public sealed class UiHostFactory : WebApplicationFactory<Program>
{
    public const string Password = "E2e-Demo-Passw0rd";

    public UiHostFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cc-ui-e2e-" + Guid.NewGuid().ToString("N"));
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
        builder.UseSetting("Sip:Port", "0"); // never take the real SIP port from a running app
        builder.UseSetting("Media:AnnouncedAddress", "127.0.0.1");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Demo:CredentialsFile", Path.Combine(Folder, "demo-credentials.txt"));
        builder.UseSetting("CallCenter:OfferTimeoutSeconds", "300");
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
