using System.Buffers.Binary;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Echo;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Peers;

/// <summary>
/// The whole server path over real UDP on 127.0.0.1: ICE check, DTLS in either role, SRTP both ways, echo.
/// </summary>
public sealed class PeerConnectionMediaTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly UdpMediaTransport _transport = new(new MediaTransportOptions
    {
        Port = 0,
        WarmUpDtls = false,
        DtlsHandshakeTimeout = TimeSpan.FromSeconds(10),
    });

    public Task InitializeAsync() => _transport.StartAsync();

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    [Theory]
    [InlineData(DtlsSrtpProfiles.AeadAes128Gcm)]
    [InlineData(DtlsSrtpProfiles.AesCm128HmacSha1_80)]
    public async Task Answerer_BrowserIsDtlsClient_EchoesRtpWithAnnouncedSsrc(int profile)
    {
        var peer = _transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());

        Assert.NotNull(await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes));
        var keys = await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint, [profile]);
        await peer.Connected.WaitAsync(Timeout);

        Assert.Equal(PeerConnectionState.Connected, peer.State);
        Assert.Equal((SrtpProfile)profile, peer.SrtpProfile);
        Assert.Equal(profile, keys.ProtectionProfile);

        browser.SendRtp(Rtp(payloadType: 111, ssrc: 1111, sequence: 7, payload: [1, 2, 3, 4, 5]));
        var echoed = await browser.ReceiveMediaAsync(Timeout);

        Assert.NotNull(echoed);
        Assert.Equal(peer.Media[0].LocalSsrc, BinaryPrimitives.ReadUInt32BigEndian(echoed.AsSpan(8)));
        Assert.Equal(7, BinaryPrimitives.ReadUInt16BigEndian(echoed.AsSpan(2)));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, echoed[12..]);
        Assert.Equal(1, peer.RtpPacketsReceived);
    }

    [Fact]
    public async Task Answerer_FirstVideoPacket_SendsPliToTheSender()
    {
        var peer = _transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());
        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);
        await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
        await peer.Connected.WaitAsync(Timeout);

        browser.SendRtp(Rtp(payloadType: 96, ssrc: 2222, sequence: 1, payload: [9, 9]));
        var rtcp = await browser.ReceiveMediaAsync(Timeout, rtcp: true);

        Assert.NotNull(rtcp);
        Assert.True(RtcpPli.TryParse(rtcp, out var pli));
        Assert.Equal(2222u, pli.MediaSsrc);
        Assert.Equal(peer.Media[1].LocalSsrc, pli.SenderSsrc);
    }

    [Fact]
    public async Task Offerer_BrowserAnswersPassive_WeAreDtlsClientAndMediaFlows()
    {
        var peer = _transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var offer = peer.CreateOffer([new OfferedMedia(MediaKind.Audio, "sendrecv"), new OfferedMedia(MediaKind.Video, "sendrecv")]);
        peer.SetRemoteAnswer(browser.AnswerTo(offer, "passive"));
        Assert.Equal(DtlsRole.Client, peer.DtlsRole);

        // The browser (controlling) checks first; that gives us its address and starts our ClientHello.
        var handshake = browser.HandshakeAsync(DtlsRole.Server, peer.Certificate.Fingerprint);
        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);
        var keys = await handshake;
        await peer.Connected.WaitAsync(Timeout);

        Assert.Equal(DtlsSrtpProfiles.AeadAes128Gcm, keys.ProtectionProfile);
        browser.SendRtp(Rtp(payloadType: 111, ssrc: 5555, sequence: 1, payload: [4, 2]));
        var echoed = await browser.ReceiveMediaAsync(Timeout);
        Assert.NotNull(echoed);
        Assert.Equal(peer.Media[0].LocalSsrc, BinaryPrimitives.ReadUInt32BigEndian(echoed.AsSpan(8)));
    }

    [Fact]
    public async Task Offerer_BrowserNeverNominates_DtlsClientStartsAfterNominationWait()
    {
        var peer = _transport.CreatePeer();
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var offer = peer.CreateOffer([new OfferedMedia(MediaKind.Audio, "sendrecv")]);
        peer.SetRemoteAnswer(browser.AnswerTo(offer, "passive"));

        var handshake = browser.HandshakeAsync(DtlsRole.Server, peer.Certificate.Fingerprint);
        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes, useCandidate: false);

        await handshake;
        await peer.Connected.WaitAsync(Timeout);
        Assert.Equal(PeerConnectionState.Connected, peer.State);
    }

    [Fact]
    public async Task Answerer_BrowserCertificateDoesNotMatchOfferFingerprint_PeerClosed()
    {
        var peer = _transport.CreatePeer();
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var someoneElse = DtlsCertificate.Generate("someone-else");
        peer.CreateAnswer(browser.Offer(fingerprint: someoneElse.Fingerprint.ToString()));

        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);
        await Assert.ThrowsAnyAsync<Exception>(() => browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint));

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => peer.Connected.WaitAsync(Timeout));
        Assert.True(peer.IsClosed);
        Assert.Contains("bad_certificate", peer.CloseReason, StringComparison.Ordinal);
        Assert.Null(peer.SrtpProfile);
    }

    [Fact]
    public async Task Answerer_BrowserNeverStartsDtls_ClosedAfterHandshakeTimeout()
    {
        await using var transport = new UdpMediaTransport(new MediaTransportOptions
        {
            Port = 0,
            WarmUpDtls = false,
            DtlsHandshakeTimeout = TimeSpan.FromMilliseconds(300),
        });
        await transport.StartAsync();
        var peer = transport.CreatePeer();
        await using var browser = new FakeBrowser(transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());

        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => peer.Connected.WaitAsync(Timeout));
        Assert.True(peer.IsClosed);
        Assert.Contains("DTLS", peer.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendRtp_BeforeHandshake_ReturnsFalse()
    {
        var peer = _transport.CreatePeer();
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());

        Assert.False(peer.SendRtp(Rtp(111, 1, 1, [0])));
        Assert.False(peer.SendRtcp(new byte[8]));
    }

    internal static byte[] Rtp(int payloadType, uint ssrc, ushort sequence, byte[] payload)
    {
        var packet = new byte[12 + payload.Length];
        packet[0] = 0x80;
        packet[1] = (byte)payloadType;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 1000u * sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        payload.CopyTo(packet, 12);
        return packet;
    }
}
