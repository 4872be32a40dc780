using System.Net;
using ContactCenter.Sip.Auth;
using Microsoft.Extensions.Options;

namespace ContactCenter.Sip;

/// <summary>Checks <see cref="SipOptions"/> at start-up (register with ValidateOnStart) so a typo fails fast.</summary>
public sealed class SipOptionsValidator : IValidateOptions<SipOptions>
{
    public ValidateOptionsResult Validate(string? name, SipOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"Sip:ListenAddress '{options.ListenAddress}' is not an IP address.");
        }
        if (options.AdvertisedAddress is { } advertised && !IPAddress.TryParse(advertised, out _))
        {
            failures.Add($"Sip:AdvertisedAddress '{advertised}' is not an IP address.");
        }
        if (options.Port is < 0 or > 65535)
        {
            failures.Add("Sip:Port must be 0..65535.");
        }
        if (options.RtpPortMin < 1024 || options.RtpPortMax > 65535 || options.RtpPortMax - options.RtpPortMin < 1)
        {
            failures.Add("Sip:RtpPortMin..RtpPortMax must be a range of at least two ports inside 1024..65535.");
        }
        if (options.NoRtpTimeoutSeconds < 0 || options.QueueFullRetryAfterSeconds < 0)
        {
            failures.Add("Sip:NoRtpTimeoutSeconds and Sip:QueueFullRetryAfterSeconds must not be negative.");
        }
        if (options.MaxMessageBytes is < 1024 or > 65535)
        {
            failures.Add("Sip:MaxMessageBytes must be 1024..65535.");
        }
        if (options.MaxHeaderCount < 10)
        {
            failures.Add("Sip:MaxHeaderCount must be at least 10.");
        }
        if (options.MaxTcpConnections < 1 || options.MaxTcpConnectionsPerAddress < 1
            || options.MaxTcpConnectionsPerAddress > options.MaxTcpConnections)
        {
            failures.Add("Sip:MaxTcpConnections and Sip:MaxTcpConnectionsPerAddress must be at least 1, the per-address one not above the total.");
        }
        if (options.TcpIdleTimeoutSeconds < 1 || options.TcpMessageTimeoutSeconds < 1 || options.TcpSendTimeoutSeconds < 1)
        {
            failures.Add("Sip:TcpIdleTimeoutSeconds, Sip:TcpMessageTimeoutSeconds and Sip:TcpSendTimeoutSeconds must be at least 1.");
        }
        if (options.TcpSendQueueBytes < options.MaxMessageBytes)
        {
            failures.Add("Sip:TcpSendQueueBytes must hold at least one message (Sip:MaxMessageBytes).");
        }
        if (options.InvitesPerSecondPerAddress < 0 || (options.InvitesPerSecondPerAddress > 0 && options.InviteBurstPerAddress < 1))
        {
            failures.Add("Sip:InvitesPerSecondPerAddress must not be negative, and Sip:InviteBurstPerAddress must be at least 1 when it is set.");
        }
        if (options.MaxTrackedNonces < 1)
        {
            failures.Add("Sip:MaxTrackedNonces must be at least 1.");
        }
        foreach (var trunk in options.Trunks)
        {
            if (trunk.Addresses.Count == 0)
            {
                failures.Add($"Sip trunk '{trunk.Name}' has no Addresses.");
            }
            foreach (var address in trunk.Addresses)
            {
                if (!IpNetwork.TryParse(address, out _))
                {
                    failures.Add($"Sip trunk '{trunk.Name}': '{address}' is not an IP address or CIDR block.");
                }
            }
            if ((trunk.Username is null) != (trunk.Password is null))
            {
                failures.Add($"Sip trunk '{trunk.Name}': set both Username and Password, or neither.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
