using ContactCenter.E2E.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// The e2e host over a fresh database, so the demo users are seeded with the known <see cref="Password"/>; the offer
/// timeout is long so that a slow machine never times an offer out, unless a test that needs offers to ring out
/// gives a short one; a member whose page is gone leaves its call after 10 s (a reloaded page is back well before).
/// </summary>
public sealed class UiHostFactory(int offerTimeoutSeconds = 300) : E2EHostFactory("cc-ui-e2e-")
{
    public const string Password = "E2e-Demo-Passw0rd";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Demo:CredentialsFile", Path.Combine(Folder, "demo-credentials.txt"));
        builder.UseSetting("CallCenter:OfferTimeoutSeconds", offerTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CallCenter:MemberGraceSeconds", "10");
    }
}
