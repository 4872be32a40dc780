using ContactCenter.Media.Dtls;
using Org.BouncyCastle.Tls;

namespace ContactCenter.Media.Tests.Dtls;

public sealed class DtlsHandshakeTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(DtlsSrtpProfiles.AeadAes128Gcm, 16, 12)]
    [InlineData(DtlsSrtpProfiles.AesCm128HmacSha1_80, 16, 14)]
    public async Task RunAsync_ClientAndServerInMemory_ExportMatchingKeys(int profile, int keyLength, int saltLength)
    {
        var serverCert = DtlsCertificate.Generate("server");
        var clientCert = DtlsCertificate.Generate("client");
        using var pair = new InMemoryDatagramPair();

        var server = DtlsHandshake.RunAsync(DtlsRole.Server, new(serverCert, clientCert.Fingerprint, [profile], TestTimeout), pair.A);
        var client = DtlsHandshake.RunAsync(
            DtlsRole.Client, new(clientCert, serverCert.Fingerprint, DtlsSrtpProfiles.Preferred, TestTimeout), pair.B);
        var results = await Task.WhenAll(server, client).WaitAsync(TimeSpan.FromSeconds(30));

        var serverKeys = results[0].Keys;
        var clientKeys = results[1].Keys;
        Assert.Equal(profile, serverKeys.ProtectionProfile);
        Assert.Equal(profile, clientKeys.ProtectionProfile);
        Assert.Equal(keyLength, serverKeys.ClientKey.Length);
        Assert.Equal(saltLength, serverKeys.ServerSalt.Length);
        Assert.Equal(serverKeys.ClientKey, clientKeys.ClientKey);
        Assert.Equal(serverKeys.ServerKey, clientKeys.ServerKey);
        Assert.Equal(serverKeys.ClientSalt, clientKeys.ClientSalt);
        Assert.Equal(serverKeys.ServerSalt, clientKeys.ServerSalt);
        Assert.NotEqual(serverKeys.ClientKey, serverKeys.ServerKey);
        // Each side sends with its own role's key and decrypts with the other's.
        Assert.True(serverKeys.LocalKey.SequenceEqual(clientKeys.RemoteKey));
        Assert.True(serverKeys.RemoteSalt.SequenceEqual(clientKeys.LocalSalt));
    }

    [Fact]
    public async Task RunAsync_ServerPrefersGcm_WhenClientOffersBoth()
    {
        var cert = DtlsCertificate.Generate();
        using var pair = new InMemoryDatagramPair();
        var settings = new DtlsHandshakeSettings(cert, cert.Fingerprint, DtlsSrtpProfiles.Preferred, TestTimeout);

        var results = await Task.WhenAll(
            DtlsHandshake.RunAsync(DtlsRole.Server, settings, pair.A),
            DtlsHandshake.RunAsync(DtlsRole.Client, settings, pair.B)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DtlsSrtpProfiles.AeadAes128Gcm, results[0].Keys.ProtectionProfile);
    }

    [Fact]
    public async Task RunAsync_ClientCertificateDoesNotMatchFingerprint_ServerRefuses()
    {
        var serverCert = DtlsCertificate.Generate("server");
        var clientCert = DtlsCertificate.Generate("client");
        var impostor = DtlsCertificate.Generate("impostor");
        using var pair = new InMemoryDatagramPair();

        // The server expects the fingerprint from the SDP (clientCert) but the client presents the impostor's.
        var server = DtlsHandshake.RunAsync(DtlsRole.Server, new(serverCert, clientCert.Fingerprint, DtlsSrtpProfiles.Preferred, TestTimeout), pair.A);
        var client = DtlsHandshake.RunAsync(DtlsRole.Client, new(impostor, serverCert.Fingerprint, DtlsSrtpProfiles.Preferred, TestTimeout), pair.B);

        var error = await Assert.ThrowsAsync<TlsFatalAlert>(() => server.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(AlertDescription.bad_certificate, error.AlertDescription);
        await Assert.ThrowsAnyAsync<Exception>(() => client.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task RunAsync_ServerCertificateDoesNotMatchFingerprint_ClientRefuses()
    {
        var serverCert = DtlsCertificate.Generate("server");
        var clientCert = DtlsCertificate.Generate("client");
        var expected = DtlsCertificate.Generate("expected");
        using var pair = new InMemoryDatagramPair();

        var server = DtlsHandshake.RunAsync(DtlsRole.Server, new(serverCert, clientCert.Fingerprint, DtlsSrtpProfiles.Preferred, TestTimeout), pair.A);
        var client = DtlsHandshake.RunAsync(DtlsRole.Client, new(clientCert, expected.Fingerprint, DtlsSrtpProfiles.Preferred, TestTimeout), pair.B);

        var error = await Assert.ThrowsAsync<TlsFatalAlert>(() => client.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(AlertDescription.bad_certificate, error.AlertDescription);
        await Assert.ThrowsAnyAsync<Exception>(() => server.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task RunAsync_NoClientEverSpeaks_TimesOut()
    {
        var cert = DtlsCertificate.Generate();
        using var pair = new InMemoryDatagramPair();
        var settings = new DtlsHandshakeSettings(cert, cert.Fingerprint, DtlsSrtpProfiles.Preferred, TimeSpan.FromMilliseconds(300));

        var server = DtlsHandshake.RunAsync(DtlsRole.Server, settings, pair.A);

        await Assert.ThrowsAnyAsync<Exception>(() => server.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(pair.A.IsClosed);
    }

    [Fact]
    public async Task RunAsync_ChannelClosedMidHandshake_Faults()
    {
        var cert = DtlsCertificate.Generate();
        using var pair = new InMemoryDatagramPair();
        var settings = new DtlsHandshakeSettings(cert, cert.Fingerprint, DtlsSrtpProfiles.Preferred, TimeSpan.FromMinutes(5));

        var server = DtlsHandshake.RunAsync(DtlsRole.Server, settings, pair.A);
        pair.A.Close();

        await Assert.ThrowsAnyAsync<Exception>(() => server.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Warmup_RunsBothProfiles()
    {
        var elapsed = await DtlsWarmup.RunAsync(DtlsCertificate.Generate()).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(elapsed > TimeSpan.Zero);
    }
}
