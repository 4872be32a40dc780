namespace ContactCenter.Media.Transport;

/// <summary>Settings of the media socket (bound from the <c>Media</c> configuration section).</summary>
public sealed class MediaTransportOptions
{
    public const string SectionName = "Media";

    /// <summary>Address the UDP socket binds to.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>UDP port every peer uses; 0 picks an ephemeral port (tests).</summary>
    public int Port { get; set; } = 40000;

    /// <summary>
    /// Addresses written into host candidates, separated by commas or spaces (IPv4 and IPv6, public and private):
    /// each becomes a candidate on the media port, in this order of preference, and the first is the SDP's
    /// connection address. The listen address when empty (must then be specific).
    /// </summary>
    public string? AnnouncedAddress { get; set; }

    /// <summary>The parsed <see cref="AnnouncedAddress"/> entries (empty when none); null when one is not an IP address.</summary>
    public IReadOnlyList<System.Net.IPAddress>? AnnouncedAddresses => ParseAddresses(AnnouncedAddress);

    /// <summary>Splits a list of IP addresses (commas, semicolons or spaces); null when an entry is not an address or the list repeats one.</summary>
    public static IReadOnlyList<System.Net.IPAddress>? ParseAddresses(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return [];
        }

        var entries = list.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var addresses = new List<System.Net.IPAddress>(entries.Length);
        foreach (var entry in entries)
        {
            if (!System.Net.IPAddress.TryParse(entry, out var address) || addresses.Contains(address))
            {
                return null;
            }

            addresses.Add(address);
        }

        return addresses;
    }

    /// <summary>A peer with no valid Binding request for this long is closed (RFC 7675 §5.1 uses 30 s).</summary>
    public TimeSpan ConsentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The DTLS handshake must complete within this time after it starts.</summary>
    public TimeSpan DtlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// DTLS handshakes running at once on this node (each holds a thread until it ends). A peer over the cap waits
    /// for a slot; it is not refused.
    /// </summary>
    public int MaxPendingDtlsHandshakes { get; set; } = 64;

    /// <summary>DTLS handshakes running at once with one remote IP address (the rest of that address's peers wait).</summary>
    public int MaxPendingDtlsHandshakesPerAddress { get; set; } = 16;

    /// <summary>How often consent is checked.</summary>
    public TimeSpan ConsentCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Receive threads, each with its own socket on the same port (SO_REUSEPORT, Linux only; elsewhere 1); the
    /// kernel keeps each remote address on one of them. 0 (the default) means one per core, at most 4. Measured on
    /// the 2-core machine at 600 whisper calls: one thread saturated at 134k forwarded pps with 7 % loss, two
    /// forwarded all 150k pps with no loss.
    /// </summary>
    public int ReceiveThreads { get; set; }

    /// <summary>The receive threads this machine gets: <see cref="ReceiveThreads"/>, or one per core up to 4.</summary>
    public int EffectiveReceiveThreads => ReceiveThreads > 0 ? Math.Min(ReceiveThreads, 64) : Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Receive and send buffer of each media socket. Above net.core.rmem_max only when the process has
    /// CAP_NET_ADMIN (SO_RCVBUFFORCE); 16 MB holds about 0.3 s of 1,000 calls' audio if the thread stalls.
    /// </summary>
    public int SocketBufferBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Use recvmmsg/sendmmsg batches on 64-bit Linux (false: one system call per datagram).</summary>
    public bool BatchedIo { get; set; } = true;

    /// <summary>Run in-memory DTLS handshakes at start so the first browser does not meet a cold JIT.</summary>
    public bool WarmUpDtls { get; set; } = true;
}
