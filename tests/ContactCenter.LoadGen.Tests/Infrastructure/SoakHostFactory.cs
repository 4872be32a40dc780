using ContactCenter.E2E.Infrastructure;
using ContactCenter.Media.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.LoadGen.Tests.Infrastructure;

/// <summary>The real host on Kestrel (the e2e tests' factory) with the REST account the load generator signs in with.</summary>
public sealed class SoakHostFactory() : E2EHostFactory("cc-loadgen-soak-")
{
    public const string Account = "demo";
    public const string User = "demo";
    public const string Password = "soak-secret";

    public UdpMediaTransport Transport => Services.GetRequiredService<UdpMediaTransport>();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Api:Bootstrap:AccountId", Account);
        builder.UseSetting("Api:Bootstrap:Username", User);
        builder.UseSetting("Api:Bootstrap:Password", Password);
        builder.UseSetting("Demo:SeedUsers", "false");
        builder.UseSetting("Sip:Enabled", "false");
    }
}
