using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Tests.Transport;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Peers;

/// <summary>
/// A minimal full-ICE, DTLS and SRTP endpoint over a real UDP socket, playing the browser against our server:
/// it sends checks, runs its half of the DTLS handshake through <see cref="DtlsHandshake"/>, and protects and
/// unprotects RTP with its own <see cref="SrtpSession"/>s.
/// </summary>
internal sealed class FakeBrowser : IAsyncDisposable
{
    private readonly TestPeerSocket _socket;
    private readonly DtlsDatagramChannel _dtls;
    private readonly Channel<byte[]> _media = Channel.CreateUnbounded<byte[]>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly IPEndPoint _server;
    private SrtpSession? _outbound;
    private SrtpSession? _inbound;

    public FakeBrowser(IPEndPoint server, DtlsCertificate? certificate = null, IPAddress? bind = null)
    {
        _socket = new TestPeerSocket(bind);
        _server = server;
        Certificate = certificate ?? DtlsCertificate.Generate("fake-browser");
        _dtls = new DtlsDatagramChannel(new UdpSender(this));
        _pump = Task.Run(PumpAsync);
    }

    public DtlsCertificate Certificate { get; }

    public string Ufrag { get; } = "brws";

    public string Password { get; } = "browserpassword1234567890";

    public DtlsSrtpKeys? Keys { get; private set; }

    /// <summary>The browser's DTLS association once the handshake finished (to send close_notify).</summary>
    public DtlsAssociation? Association { get; private set; }

    /// <summary>An offer like Chromium's: audio (Opus, PCMU, telephone-event), video (VP8, H264), a data channel.</summary>
    public string Offer(string setup = "actpass", string? fingerprint = null) =>
        "v=0\r\no=- 42 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\na=msid-semantic: WMS s\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 126\r\nc=IN IP4 0.0.0.0\r\n" + Transport(setup, fingerprint) + "a=mid:0\r\n"
        + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendrecv\r\na=msid:s a\r\na=rtcp-mux\r\n"
        + "a=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
        + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:126 telephone-event/8000\r\na=ssrc:1111 cname:c\r\n"
        + "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102\r\nc=IN IP4 0.0.0.0\r\n" + Transport(setup, fingerprint) + "a=mid:1\r\n"
        + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendrecv\r\na=msid:s v\r\na=rtcp-mux\r\n"
        + "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 goog-remb\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
        + "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\na=rtpmap:102 H264/90000\r\n"
        + "a=ssrc-group:FID 2222 3333\r\na=ssrc:2222 cname:c\r\na=ssrc:3333 cname:c\r\n"
        + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n" + Transport(setup, fingerprint)
        + "a=mid:2\r\na=sctp-port:5000\r\n";

    /// <summary>An answer to our server's offer, as the Bandwidth SDK writes it (setup forced).</summary>
    public string AnswerTo(string offer, string setup)
    {
        var parsed = Media.Sdp.SdpSessionDescription.Parse(offer);
        var text = "v=0\r\no=- 43 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE " + string.Join(' ', parsed.BundleMids()) + "\r\n";
        foreach (var media in parsed.Media)
        {
            text += $"m={media.Media} 9 {media.Protocol} {string.Join(' ', media.Formats)}\r\nc=IN IP4 0.0.0.0\r\n"
                + Transport(setup, null) + $"a=mid:{media.Mid}\r\na=sendrecv\r\na=rtcp-mux\r\n";
            foreach (var map in media.GetAll("rtpmap"))
            {
                text += "a=rtpmap:" + map + "\r\n";
            }
        }

        return text;
    }

    /// <summary>Sends one check and waits for the response (success or error).</summary>
    public async Task<byte[]?> CheckAsync(string serverUfrag, byte[] serverPassword, bool useCandidate = true, string? localUfrag = null)
    {
        var request = TestPeerSocket.BindingRequest(serverUfrag + ":" + (localUfrag ?? Ufrag), serverPassword, out _, useCandidate);
        _socket.SendTo(request, _server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            // Skips SRTP/SRTCP the server may send meanwhile: the caller wants the STUN response.
            var datagram = await _media.Reader.ReadAsync(timeout.Token);
            if (MediaPacketClassifier.Classify(datagram) == MediaPacketKind.Stun)
            {
                return datagram;
            }
        }
    }

    /// <summary>Runs our half of the handshake; the server's fingerprint comes from its SDP.</summary>
    public async Task<DtlsSrtpKeys> HandshakeAsync(DtlsRole role, DtlsFingerprint serverFingerprint, IReadOnlyList<int>? profiles = null)
    {
        var settings = new DtlsHandshakeSettings(Certificate, serverFingerprint, profiles ?? DtlsSrtpProfiles.Preferred, TimeSpan.FromSeconds(10));
        var result = await DtlsHandshake.RunAsync(role, settings, _dtls).WaitAsync(TimeSpan.FromSeconds(20));
        Keys = result.Keys;
        Association = result.Association;
        var profile = (SrtpProfile)Keys.ProtectionProfile;
        _outbound = new SrtpSession(profile, Keys.LocalKey, Keys.LocalSalt);
        _inbound = new SrtpSession(profile, Keys.RemoteKey, Keys.RemoteSalt);
        return Keys;
    }

    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    public void SendRtp(byte[] plain) => _socket.SendTo(Protect(plain), _server);

    /// <summary>SRTP-protects a plain RTP packet with the browser's outbound context.</summary>
    public byte[] Protect(byte[] plain)
    {
        var buffer = new byte[plain.Length + SrtpSession.MaxOverhead];
        plain.CopyTo(buffer, 0);
        Assert.True(_outbound!.TryProtectRtp(buffer, plain.Length, out int length));
        return buffer[..length];
    }

    public void SendRaw(ReadOnlySpan<byte> datagram) => _socket.SendTo(datagram, _server);

    /// <summary>The next SRTP or SRTCP datagram from the server, decrypted; null on timeout.</summary>
    public async Task<byte[]?> ReceiveMediaAsync(TimeSpan timeout, bool rtcp = false)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var datagram = await _media.Reader.ReadAsync(cts.Token);
                var kind = MediaPacketClassifier.Classify(datagram);
                if (kind != (rtcp ? MediaPacketKind.Rtcp : MediaPacketKind.Rtp))
                {
                    continue;
                }

                bool ok = rtcp
                    ? _inbound!.TryUnprotectRtcp(datagram, datagram.Length, out int length)
                    : _inbound!.TryUnprotectRtp(datagram, datagram.Length, out length);
                Assert.True(ok, "the server's SRTP did not authenticate");
                return datagram.AsSpan(0, length).ToArray();
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _dtls.Close();
        _socket.Dispose();
        try
        {
            await _pump;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _inbound?.Dispose();
        _outbound?.Dispose();
    }

    private string Transport(string setup, string? fingerprint) =>
        $"a=ice-ufrag:{Ufrag}\r\na=ice-pwd:{Password}\r\na=ice-options:trickle\r\n"
        + $"a=fingerprint:{fingerprint ?? Certificate.Fingerprint.ToString()}\r\na=setup:{setup}\r\n";

    // DTLS goes to the handshake; STUN responses and SRTP to the test.
    private async Task PumpAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            var result = await _socket.Socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            var datagram = buffer.AsSpan(0, result.ReceivedBytes);
            if (MediaPacketClassifier.Classify(datagram) == MediaPacketKind.Dtls)
            {
                _dtls.Enqueue(datagram);
            }
            else
            {
                _media.Writer.TryWrite(datagram.ToArray());
            }
        }
    }

    private sealed class UdpSender(FakeBrowser owner) : IDatagramSender
    {
        public void Send(ReadOnlySpan<byte> datagram) => owner._socket.SendTo(datagram, owner._server);
    }
}
