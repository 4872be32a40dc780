using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace ContactCenter.Media.Dtls;

/// <summary>
/// The self-signed ECDSA P-256 certificate this process presents in every DTLS handshake. WebRTC does not
/// validate certificate chains; the peer checks the SHA-256 fingerprint we put in SDP (RFC 8122 §5).
/// </summary>
public sealed class DtlsCertificate
{
    private static readonly Lazy<DtlsCertificate> SharedInstance = new(() => Generate(), LazyThreadSafetyMode.ExecutionAndPublication);

    private DtlsCertificate(X509Certificate certificate, AsymmetricKeyParameter privateKey)
    {
        Certificate = certificate;
        PrivateKey = privateKey;
        DerEncoded = certificate.GetEncoded();
        Fingerprint = DtlsFingerprint.Compute(DerEncoded);
    }

    /// <summary>Generated once per process, on first use.</summary>
    public static DtlsCertificate Shared => SharedInstance.Value;

    public X509Certificate Certificate { get; }

    internal AsymmetricKeyParameter PrivateKey { get; }

    public byte[] DerEncoded { get; }

    /// <summary>SHA-256 fingerprint for <c>a=fingerprint</c>.</summary>
    public DtlsFingerprint Fingerprint { get; }

    /// <summary>A fresh key pair and certificate (tests use several to provoke fingerprint mismatches).</summary>
    public static DtlsCertificate Generate(string commonName = "ContactCenter")
    {
        var random = new SecureRandom();
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        var keyPair = generator.GenerateKeyPair();

        var name = new X509Name("CN=" + commonName);
        Span<byte> serialBytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(serialBytes);
        serialBytes[0] &= 0x7F;
        var certificateGenerator = new X509V3CertificateGenerator();
        certificateGenerator.SetSerialNumber(new BigInteger(1, serialBytes.ToArray()));
        certificateGenerator.SetIssuerDN(name);
        certificateGenerator.SetSubjectDN(name);
        // Browsers ignore validity for DTLS-SRTP, but keep it sane: yesterday to a year from now.
        certificateGenerator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        certificateGenerator.SetNotAfter(DateTime.UtcNow.AddDays(365));
        certificateGenerator.SetPublicKey(keyPair.Public);
        var certificate = certificateGenerator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", keyPair.Private, random));
        return new DtlsCertificate(certificate, keyPair.Private);
    }
}
