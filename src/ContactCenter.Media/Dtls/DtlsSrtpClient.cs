using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace ContactCenter.Media.Dtls;

/// <summary>
/// Our DTLS 1.2 client for DTLS-SRTP (RFC 5764), used when we offered <c>a=setup:actpass</c> and the remote
/// answered <c>passive</c> (the Bandwidth SDK's subscribe connection does this).
/// </summary>
internal sealed class DtlsSrtpClient : DefaultTlsClient
{
    private readonly DtlsHandshakeSettings _settings;
    private readonly BcTlsCrypto _crypto;
    private int _chosenProfile = -1;

    public DtlsSrtpClient(BcTlsCrypto crypto, DtlsHandshakeSettings settings)
        : base(crypto)
    {
        _crypto = crypto;
        _settings = settings;
    }

    public static DtlsSrtpClient Create(DtlsHandshakeSettings settings) =>
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

    internal bool ServerVerified { get; set; }

    public override int GetHandshakeTimeoutMillis() => DtlsPeerSupport.TimeoutMillis(_settings.Timeout);

    public override bool RequiresExtendedMasterSecret() => true;

    protected override ProtocolVersion[] GetSupportedVersions() => DtlsPeerSupport.Versions;

    protected override int[] GetSupportedCipherSuites() =>
        TlsUtilities.GetSupportedCipherSuites(Crypto, DtlsPeerSupport.CipherSuites);

    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        var extensions = base.GetClientExtensions() ?? new Dictionary<int, byte[]>();
        int[] profiles = new int[_settings.Profiles.Count];
        for (int i = 0; i < profiles.Length; i++)
        {
            profiles[i] = _settings.Profiles[i];
        }

        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(profiles, TlsUtilities.EmptyBytes));
        return extensions;
    }

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        // RFC 5764 §4.1.1: the server answers with exactly one of the profiles we offered.
        var chosen = TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions);
        if (chosen is null || chosen.ProtectionProfiles.Length != 1)
        {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "The server chose no SRTP profile.");
        }

        int profile = chosen.ProtectionProfiles[0];
        bool offered = false;
        foreach (int candidate in _settings.Profiles)
        {
            offered |= candidate == profile;
        }

        if (!offered)
        {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "The server chose a profile we did not offer.");
        }

        _chosenProfile = profile;
    }

    public override TlsAuthentication GetAuthentication() => new ClientAuthentication(this);

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        if (!ServerVerified)
        {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "The server never presented a certificate.");
        }

        if (_chosenProfile < 0)
        {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "No SRTP protection profile was negotiated.");
        }

        Keys = DtlsPeerSupport.ExportKeys(m_context, _chosenProfile, DtlsRole.Client);
    }

    private sealed class ClientAuthentication(DtlsSrtpClient owner) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
        {
            DtlsPeerSupport.VerifyRemote(serverCertificate.Certificate, owner._settings.RemoteFingerprint);
            owner.ServerVerified = true;
        }

        // The remote verifies our certificate against our SDP fingerprint, so always present it.
        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) =>
            DtlsPeerSupport.CreateSigner(owner.m_context, owner._crypto, owner._settings.Certificate);
    }
}
