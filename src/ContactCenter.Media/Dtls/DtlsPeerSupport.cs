using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace ContactCenter.Media.Dtls;

/// <summary>Settings shared by our DTLS server and client (see MEDIA-NOTES: each one was needed for Chromium).</summary>
internal static class DtlsPeerSupport
{
    /// <summary>ECDHE_ECDSA only: our certificate is ECDSA, and an RSA suite would fail with internal_error.</summary>
    public static readonly int[] CipherSuites =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    ];

    /// <summary>DTLS 1.2 only: Chromium offers 1.3 too, and the TLS defaults make it answer protocol_version.</summary>
    public static ProtocolVersion[] Versions => ProtocolVersion.DTLSv12.Only();

    public static TlsCredentialedSigner CreateSigner(TlsContext context, BcTlsCrypto crypto, DtlsCertificate certificate)
    {
        var chain = new Certificate([crypto.CreateCertificate(certificate.DerEncoded)]);
        return new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(context),
            crypto,
            certificate.PrivateKey,
            chain,
            new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    /// <summary>
    /// Checks the remote's end-entity certificate against its SDP fingerprint (RFC 8122 §5, RFC 5763 §5).
    /// An absent or mismatching certificate is fatal: without this check anyone on the path could terminate DTLS.
    /// </summary>
    public static void VerifyRemote(Certificate? chain, DtlsFingerprint expected)
    {
        if (chain is null || chain.IsEmpty)
        {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "The peer sent no certificate.");
        }

        if (!expected.Matches(chain.GetCertificateAt(0).GetEncoded()))
        {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "The certificate does not match the SDP fingerprint.");
        }
    }

    public static DtlsSrtpKeys ExportKeys(TlsContext context, int profile, DtlsRole role)
    {
        int length = 2 * (DtlsSrtpProfiles.KeyLength(profile) + DtlsSrtpProfiles.SaltLength(profile));
        // RFC 5764 §4.2: the exporter label "EXTRACTOR-dtls_srtp" with no context.
        byte[] material = context.ExportKeyingMaterial(ExporterLabel.dtls_srtp, null, length);
        return DtlsSrtpKeys.FromKeyingMaterial(profile, material, role);
    }

    public static int TimeoutMillis(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero ? 1 : (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));
}
