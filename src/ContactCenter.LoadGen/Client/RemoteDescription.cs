using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Sdp;

namespace ContactCenter.LoadGen.Client;

/// <summary>What a client needs from the server's SDP: where to send, ICE credentials, fingerprint, DTLS role.</summary>
internal sealed record RemoteDescription(
    IPEndPoint Candidate, string IceUfrag, string IcePassword, DtlsFingerprint Fingerprint, DtlsRole LocalRole, bool IsIceLite)
{
    /// <param name="sdp">The remote description.</param>
    /// <param name="remoteIsOfferer">True when the remote offered (our role follows from its actpass/active/passive).</param>
    public static RemoteDescription Parse(string sdp, bool remoteIsOfferer)
    {
        var description = SdpSessionDescription.Parse(sdp);
        var media = description.Media.FirstOrDefault(m => !m.IsRejected)
            ?? throw new FormatException("The SDP has no accepted m-line.");
        string ufrag = description.GetForMedia(media, "ice-ufrag") ?? throw new FormatException("No a=ice-ufrag.");
        string password = description.GetForMedia(media, "ice-pwd") ?? throw new FormatException("No a=ice-pwd.");
        if (!DtlsFingerprint.TryParse(description.GetForMedia(media, "fingerprint"), out var fingerprint) || fingerprint is null)
        {
            throw new FormatException("No usable a=fingerprint.");
        }

        string setup = description.GetForMedia(media, "setup") ?? "actpass";
        // RFC 5763 §5: the answerer that says passive is the DTLS server; an actpass offerer lets us be the client.
        var role = setup switch
        {
            "passive" => DtlsRole.Client,
            "active" => DtlsRole.Server,
            _ when remoteIsOfferer => DtlsRole.Client,
            _ => throw new FormatException("An answer must say a=setup:active or passive."),
        };

        var candidate = FindCandidate(media.GetAll("candidate").Concat(description.GetAll("candidate")))
            ?? throw new FormatException("No IPv4 UDP host candidate in the SDP.");
        return new RemoteDescription(candidate, ufrag, password, fingerprint, role, description.IsIceLite);
    }

    /// <summary>The first UDP IPv4 candidate, preferring loopback (traffic stays on 127.0.0.1).</summary>
    internal static IPEndPoint? FindCandidate(IEnumerable<string> candidates)
    {
        IPEndPoint? fallback = null;
        foreach (string line in candidates)
        {
            // foundation component transport priority address port typ type ... (RFC 8839 §5.1)
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 8 || !parts[2].Equals("udp", StringComparison.OrdinalIgnoreCase) || parts[1] != "1"
                || !IPAddress.TryParse(parts[4], out var address) || address.AddressFamily != AddressFamily.InterNetwork
                || !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out int port))
            {
                continue;
            }

            var endPoint = new IPEndPoint(address, port);
            if (IPAddress.IsLoopback(address))
            {
                return endPoint;
            }

            fallback ??= endPoint;
        }

        return fallback;
    }
}
