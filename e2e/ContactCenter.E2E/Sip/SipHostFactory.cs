using ContactCenter.E2E.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ContactCenter.E2E.Sip;

/// <summary>The e2e host with SIP on loopback (ephemeral port) and its own RTP port range for phone legs.</summary>
public sealed class SipHostFactory() : E2EHostFactory("cc-sip-e2e-")
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Sip:ListenAddress", "127.0.0.1");
        builder.UseSetting("Sip:RtpPortMin", "43000");
        builder.UseSetting("Sip:RtpPortMax", "43999");
    }
}
