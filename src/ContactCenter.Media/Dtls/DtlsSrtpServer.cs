using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace ContactCenter.Media.Dtls;

/// <summary>Our DTLS 1.2 server for DTLS-SRTP (RFC 5764), used when we answered <c>a=setup:passive</c>.</summary>
internal sealed class DtlsSrtpServer : DefaultTlsServer
{
    private readonly DtlsHandshakeSettings _settings;
    private readonly BcTlsCrypto _crypto;
    private int _chosenProfile = -1;
    private bool _clientVerified;

    public DtlsSrtpServer(BcTlsCrypto crypto, DtlsHandshakeSettings settings)
        : base(crypto)
    {
        _crypto = crypto;
        _settings = settings;
    }

    public static DtlsSrtpServer Create(DtlsHandshakeSettings settings) =>
        new(new BcTlsCrypto(new SecureRandom()), settings);

    public DtlsSrtpKeys? Keys { get; private set; }

    /// <summary>Alerts the remote sent (after the handshake: its close_notify).</summary>
    public DtlsAlertLog Alerts { get; } = new();

    /// <summary>RFC 6347 §4.1.2.7: a record that does not authenticate is dropped; it must not end the association.</summary>
    public override bool IgnoreCorruptDtlsRecords => true;

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        base.NotifyAlertReceived(alertLevel, alertDescription);
        Alerts.Record(alertLevel, alertDescription);
    }

    public override int GetHandshakeTimeoutMillis() => DtlsPeerSupport.TimeoutMillis(_settings.Timeout);

    public override bool RequiresExtendedMasterSecret() => true;

    protected override ProtocolVersion[] GetSupportedVersions() => DtlsPeerSupport.Versions;

    protected override int[] GetSupportedCipherSuites() =>
        TlsUtilities.GetSupportedCipherSuites(Crypto, DtlsPeerSupport.CipherSuites);

    protected override TlsCredentialedSigner GetECDsaSignerCredentials() =>
        DtlsPeerSupport.CreateSigner(m_context, _crypto, _settings.Certificate);

    /// <summary>
    /// Asking for the client's certificate is what lets us check its SDP fingerprint; without a
    /// CertificateRequest the browser sends none and the handshake still succeeds, unauthenticated.
    /// </summary>
    public override CertificateRequest GetCertificateRequest()
    {
        short[] types = [ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign];
        var algorithms = new List<SignatureAndHashAlgorithm>
        {
            new(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa),
            new(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa),
            SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
            new(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
        };
        return new CertificateRequest(types, algorithms, null);
    }

    public override void NotifyClientCertificate(Certificate clientCertificate)
    {
        DtlsPeerSupport.VerifyRemote(clientCertificate, _settings.RemoteFingerprint);
        _clientVerified = true;
    }

    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        // RFC 5764 §4.1.1: the client lists its profiles; we pick one we support.
        var offered = TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions);
        _chosenProfile = offered is null ? -1 : DtlsSrtpProfiles.Choose(_settings.Profiles, offered.ProtectionProfiles);
        if (_chosenProfile < 0)
        {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "No common SRTP protection profile.");
        }
    }

    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        var extensions = base.GetServerExtensions() ?? new Dictionary<int, byte[]>();
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData([_chosenProfile], TlsUtilities.EmptyBytes));
        return extensions;
    }

    /// <summary>The exporter only works here: once Accept has returned it throws.</summary>
    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        if (!_clientVerified)
        {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "The client never presented a certificate.");
        }

        Keys = DtlsPeerSupport.ExportKeys(m_context, _chosenProfile, DtlsRole.Server);
    }
}
