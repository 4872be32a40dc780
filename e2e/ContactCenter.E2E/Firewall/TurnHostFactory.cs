using ContactCenter.E2E.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ContactCenter.E2E.Firewall;

/// <summary>The e2e host with <c>Media:Turn</c> pointing at the test's coturn.</summary>
internal sealed class TurnHostFactory(string urls, string secret) : E2EHostFactory("cc-e2e-turn-")
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Media:Turn:Urls", urls);
        builder.UseSetting("Media:Turn:Secret", secret);
        builder.UseSetting("Media:Turn:TtlSeconds", "600");
    }
}
