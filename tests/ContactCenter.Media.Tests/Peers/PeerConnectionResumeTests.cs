using System.Buffers.Binary;
using System.Text;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Echo;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Stun;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Peers;

/// <summary>
/// Network blips on a connected peer over real UDP on 127.0.0.1: an ICE restart of the subscribe connection (new
/// server credentials, DTLS kept) and the browser's DTLS close_notify ending the peer at once.
/// </summary>
public sealed class PeerConnectionResumeTests : IAsyncLifetime
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

    [Fact]
    public async Task RestartIce_SubscribeConnection_OffersNewCredentialsSwitchesOnTheAnswerAndMediaKeepsFlowing()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { Receive = false });
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        OutgoingLine[] lines = [new(MediaKind.Audio, true, 11, "stream", "track")];
        var first = peer.CreateSubscribeOffer(lines);
        peer.ApplySubscribeAnswer(RecvOnly(browser.AnswerTo(first, "active")));
        var old = peer.LocalIce;
        Assert.Equal(StunMessageType.BindingSuccessResponse, TypeOf(await browser.CheckAsync(old.Ufrag, old.PasswordBytes)));
        await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
        await peer.Connected.WaitAsync(Timeout);
        Assert.True(peer.SendRtp(Rtp(ssrc: 11, sequence: 1)));
        Assert.NotNull(await browser.ReceiveMediaAsync(Timeout));

        peer.RestartIce();
        var second = SdpSessionDescription.Parse(peer.CreateSubscribeOffer(lines));
        string newUfrag = second.GetForMedia(second.Media[0], "ice-ufrag")!;
        string newPassword = second.GetForMedia(second.Media[0], "ice-pwd")!;
        byte[] newKey = Encoding.UTF8.GetBytes(newPassword);

        Assert.NotEqual(old.Ufrag, newUfrag);
        Assert.NotEqual(old.Password, newPassword);
        Assert.Equal("passive", second.Media[0].Get("setup")); // the DTLS roles stay: no new handshake
        Assert.Equal(peer.Certificate.Fingerprint.ToString(), second.GetForMedia(second.Media[0], "fingerprint"));
        // Until the answer: the old pair still keeps consent, the new ufrag is answered for the browser's new ufrag.
        Assert.Equal(StunMessageType.BindingSuccessResponse, TypeOf(await browser.CheckAsync(old.Ufrag, old.PasswordBytes)));
        Assert.Equal(StunMessageType.BindingSuccessResponse, TypeOf(await browser.CheckAsync(newUfrag, newKey, localUfrag: "brw2")));
        Assert.Equal(StunMessageType.BindingErrorResponse, TypeOf(await browser.CheckAsync(newUfrag, old.PasswordBytes)));

        var answer = RecvOnly(browser.AnswerTo(second.ToString(), "active"))
            .Replace("a=ice-ufrag:" + browser.Ufrag, "a=ice-ufrag:brw2", StringComparison.Ordinal);
        peer.ApplySubscribeAnswer(answer);

        Assert.Equal(StunMessageType.BindingErrorResponse, TypeOf(await browser.CheckAsync(old.Ufrag, old.PasswordBytes)));
        Assert.Equal(StunMessageType.BindingErrorResponse, TypeOf(await browser.CheckAsync(newUfrag, newKey))); // old remote ufrag
        Assert.Equal(StunMessageType.BindingSuccessResponse, TypeOf(await browser.CheckAsync(newUfrag, newKey, localUfrag: "brw2")));
        Assert.Equal(PeerConnectionState.Connected, peer.State);
        Assert.True(peer.SendRtp(Rtp(ssrc: 11, sequence: 2)));
        var media = await browser.ReceiveMediaAsync(Timeout); // decrypts with the keys of the first handshake
        Assert.NotNull(media);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16BigEndian(media.AsSpan(2)));
        Assert.Equal(1, _transport.PeerCount);
        Assert.True(_transport.TryGetPeer(peer.Id, out _));
    }

    [Fact]
    public async Task RestartIce_PeerClosesBeforeTheAnswer_ForgetsBothUfrags()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { Receive = false });
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        OutgoingLine[] lines = [new(MediaKind.Audio, true, 11, "stream", "track")];
        peer.ApplySubscribeAnswer(RecvOnly(browser.AnswerTo(peer.CreateSubscribeOffer(lines), "active")));
        var old = peer.LocalIce;
        peer.RestartIce();
        peer.CreateSubscribeOffer(lines);

        peer.Close("test");

        Assert.Equal(StunMessageType.BindingErrorResponse, TypeOf(await browser.CheckAsync(old.Ufrag, old.PasswordBytes)));
        Assert.Equal(StunMessageType.BindingErrorResponse,
            TypeOf(await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes, localUfrag: "brw2")));
        Assert.Equal(0, _transport.PeerCount);
    }

    [Fact]
    public async Task CloseNotify_AfterTheHandshake_ClosesThePeerAtOnce()
    {
        var peer = _transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        var closed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.StateChanged += (p, state) =>
        {
            if (state == PeerConnectionState.Closed)
            {
                closed.TrySetResult(p.CloseReason);
            }
        };
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());
        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);
        await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
        await peer.Connected.WaitAsync(Timeout);
        // The realistic case: the browser closes long after the handshake thread stopped reading (its linger).
        var association = peer.Association!;
        using (var idle = new CancellationTokenSource(Timeout))
        {
            while (!association.IsIdle)
            {
                await Task.Delay(50, idle.Token);
            }
        }

        // A forged alert record (right address, no valid MAC) is dropped and does not end the association.
        // The close_notify after it must still be read (and is the reason of the close).
        browser.SendRaw([21, 0xFE, 0xFD, 0, 1, 0, 0, 0, 0, 0, 9, 0, 26, .. new byte[26]]);
        browser.Association!.Close(); // sends close_notify

        var reason = await closed.Task.WaitAsync(Timeout); // the consent timeout is 30 s
        Assert.Equal("DTLS close_notify received", reason);
        Assert.Equal(0, _transport.PeerCount);
        Assert.False(_transport.TryGetPeer(peer.Id, out _));
    }

    private static ushort TypeOf(byte[]? response)
    {
        Assert.NotNull(response);
        Assert.True(StunMessage.TryParse(response, out var message));
        return message.MessageType;
    }

    private static string RecvOnly(string answer) => answer.Replace("a=sendrecv", "a=recvonly", StringComparison.Ordinal);

    private static byte[] Rtp(uint ssrc, ushort sequence)
    {
        var packet = new byte[12 + 4];
        packet[0] = 0x80;
        packet[1] = 111;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 960u * sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        return packet;
    }
}
