using System.Net;
using System.Text;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Stun;
using ContactCenter.Media.Tests.Transport;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Ice;

public sealed class IceLiteTests : IAsyncLifetime
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private UdpMediaTransport _transport = null!;

    public async Task InitializeAsync()
    {
        _transport = new UdpMediaTransport(
            new MediaTransportOptions { Port = 0, WarmUpDtls = false, ConsentCheckInterval = TimeSpan.FromHours(1) },
            timeProvider: _clock);
        await _transport.StartAsync();
    }

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    [Fact]
    public async Task BindingRequest_ValidCredentials_SuccessWithXorMappedAddressIntegrityAndFingerprint()
    {
        var peer = _transport.CreatePeer();
        using var browser = new TestPeerSocket();
        var request = TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":remote", peer.LocalIce.PasswordBytes, out var transactionId);

        browser.SendTo(request, _transport.LocalEndPoint);
        var response = await browser.ReceiveAsync(ReplyTimeout);

        Assert.NotNull(response);
        Assert.True(StunMessage.TryParse(response, out var message));
        Assert.Equal(StunMessageType.BindingSuccessResponse, message.MessageType);
        Assert.True(message.TransactionId.SequenceEqual(transactionId));
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(browser.LocalEndPoint, mapped);
        Assert.True(StunIntegrity.VerifyMessageIntegrity(response, peer.LocalIce.PasswordBytes));
        Assert.True(StunIntegrity.VerifyFingerprint(response));
        Assert.Equal(PeerConnectionState.Connecting, peer.State);
        Assert.Equal(browser.LocalEndPoint, peer.RemoteAddress!.ToEndPoint());
    }

    [Fact]
    public async Task BindingRequest_WrongPassword_Unauthorized()
    {
        var peer = _transport.CreatePeer();
        using var browser = new TestPeerSocket();
        var request = TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":remote", Encoding.UTF8.GetBytes("not-the-password-at-all"), out _);

        browser.SendTo(request, _transport.LocalEndPoint);
        var response = await browser.ReceiveAsync(ReplyTimeout);

        AssertError(response, 401);
        Assert.Equal(PeerConnectionState.New, peer.State);
        Assert.Null(peer.RemoteAddress);
    }

    [Fact]
    public async Task BindingRequest_TamperedAfterIntegrity_Unauthorized()
    {
        var peer = _transport.CreatePeer();
        using var browser = new TestPeerSocket();
        var request = TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":remote", peer.LocalIce.PasswordBytes, out _);
        request[^20] ^= 0x01; // inside the MESSAGE-INTEGRITY value; FINGERPRINT is recomputed below to pass that check
        RewriteFingerprint(request);

        browser.SendTo(request, _transport.LocalEndPoint);
        var response = await browser.ReceiveAsync(ReplyTimeout);

        AssertError(response, 401);
        Assert.Equal(PeerConnectionState.New, peer.State);
    }

    [Fact]
    public async Task BindingRequest_UnknownUfrag_Unauthorized()
    {
        using var browser = new TestPeerSocket();
        var request = TestPeerSocket.BindingRequest("nobody:remote", Encoding.UTF8.GetBytes("whatever-password-123456"), out _);

        browser.SendTo(request, _transport.LocalEndPoint);

        AssertError(await browser.ReceiveAsync(ReplyTimeout), 401);
    }

    [Fact]
    public async Task BindingRequest_NoIntegrity_BadRequest()
    {
        var peer = _transport.CreatePeer();
        using var browser = new TestPeerSocket();
        var request = TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":remote", [], out _);

        browser.SendTo(request, _transport.LocalEndPoint);

        AssertError(await browser.ReceiveAsync(ReplyTimeout), 400);
        Assert.Equal(PeerConnectionState.New, peer.State);
    }

    [Fact]
    public async Task BindingRequest_BadFingerprint_Dropped()
    {
        var peer = _transport.CreatePeer();
        using var browser = new TestPeerSocket();
        var request = TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":remote", peer.LocalIce.PasswordBytes, out _);
        request[^1] ^= 0xFF;

        browser.SendTo(request, _transport.LocalEndPoint);

        Assert.Null(await browser.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(PeerConnectionState.New, peer.State);
    }

    [Fact]
    public async Task CheckConsent_NoCheckForLongerThanTimeout_ClosesPeer()
    {
        var peer = _transport.CreatePeer();
        var closed = new TaskCompletionSource<PeerConnection>();
        _transport.EndpointClosed += p => closed.TrySetResult((PeerConnection)p);
        using var browser = new TestPeerSocket();
        browser.SendTo(TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":r", peer.LocalIce.PasswordBytes, out _), _transport.LocalEndPoint);
        Assert.NotNull(await browser.ReceiveAsync(ReplyTimeout));

        _clock.Advance(TimeSpan.FromSeconds(29));
        _transport.CheckConsent();
        Assert.False(peer.IsClosed);

        // A fresh check renews consent for another full period.
        browser.SendTo(TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":r", peer.LocalIce.PasswordBytes, out _), _transport.LocalEndPoint);
        Assert.NotNull(await browser.ReceiveAsync(ReplyTimeout));
        _clock.Advance(TimeSpan.FromSeconds(29));
        _transport.CheckConsent();
        Assert.False(peer.IsClosed);

        _clock.Advance(TimeSpan.FromSeconds(2));
        _transport.CheckConsent();

        Assert.True(peer.IsClosed);
        Assert.Same(peer, await closed.Task.WaitAsync(ReplyTimeout));
        Assert.Contains("consent", peer.CloseReason, StringComparison.Ordinal);
        Assert.Equal(0, _transport.PeerCount);

        // A closed peer no longer answers checks.
        browser.SendTo(TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":r", peer.LocalIce.PasswordBytes, out _), _transport.LocalEndPoint);
        AssertError(await browser.ReceiveAsync(ReplyTimeout), 401);
    }

    [Fact]
    public void CheckConsent_PeerNeverChecked_ClosedAfterTimeout()
    {
        var peer = _transport.CreatePeer();

        _clock.Advance(TimeSpan.FromSeconds(31));
        _transport.CheckConsent();

        Assert.True(peer.IsClosed);
    }

    [Fact]
    public void IceCredentials_Generate_MeetsRfc8839Lengths()
    {
        var credentials = IceCredentials.Generate();

        Assert.Equal(8, credentials.Ufrag.Length);
        Assert.True(credentials.Password.Length >= 22);
        Assert.NotEqual(credentials.Ufrag, IceCredentials.Generate().Ufrag);
    }

    [Theory]
    [InlineData("abc:def", true)]
    [InlineData(":def", false)]
    [InlineData("abc:", false)]
    [InlineData("abcdef", false)]
    public void IceUsername_TrySplit(string username, bool valid)
    {
        Assert.Equal(valid, IceUsername.TrySplit(Encoding.UTF8.GetBytes(username), out _, out _));
    }

    private static void AssertError(byte[]? response, int code)
    {
        Assert.NotNull(response);
        Assert.True(StunMessage.TryParse(response, out var message));
        Assert.Equal(StunMessageType.BindingErrorResponse, message.MessageType);
        Assert.True(message.TryGetErrorCode(out int actual, out _));
        Assert.Equal(code, actual);
        Assert.False(message.HasAttribute(StunAttributeType.MessageIntegrity));
    }

    private static void RewriteFingerprint(byte[] message)
    {
        var prefix = message.AsSpan(0, message.Length - 8);
        uint crc = StunIntegrity.ComputeFingerprint(prefix);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(message.Length - 4), crc);
    }
}
