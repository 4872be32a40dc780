using ContactCenter.E2E.Infrastructure;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Transport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Media;

/// <summary>
/// Real Chromium 156 against our ICE-lite, DTLS and SRTP: media goes to the server and comes back through the
/// echo sink. Conditions are polled until met or a generous deadline; nothing asserts on timing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EchoTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("gcm", "SRTP_AEAD_AES_128_GCM")]
    [InlineData("cm", "SRTP_AES128_CM_HMAC_SHA1_80")]
    public async Task Echo_ChromiumOffer_ConnectsAndReceivesItsOwnMedia(string profile, string expectedCipher)
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenEchoPageAsync(context);

        var negotiation = await page.EvaluateAsync<EchoNegotiation>("p => window.runEcho(p, false)", profile);
        output.WriteLine(negotiation.Answer);
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsDirectory, "chromium-offer.sdp"), negotiation.Offer);

        var stats = await PollAsync(page, s => s.State == "connected" && s.AudioBytesReceived > 0 && s.VideoFramesDecoded > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"echo-{profile}.png") });

        Assert.Equal("connected", stats.State);
        Assert.True(stats.AudioBytesReceived > 0, "no echoed audio bytes");
        Assert.True(stats.VideoFramesDecoded > 0, "no echoed video frames decoded");
        Assert.Equal(expectedCipher, stats.SrtpCipher);
        Assert.Equal("client", stats.DtlsRole);
        Assert.Contains("ECDHE_ECDSA", stats.DtlsCipher, StringComparison.Ordinal);
        Assert.Contains("a=ice-lite", negotiation.Answer, StringComparison.Ordinal);
        Assert.Contains("a=setup:passive", negotiation.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gcm", "SRTP_AEAD_AES_128_GCM")]
    [InlineData("cm", "SRTP_AES128_CM_HMAC_SHA1_80")]
    public async Task Echo_ServerOffersBrowserAnswersPassive_ServerIsDtlsClientAndMediaEchoes(string profile, string expectedCipher)
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenEchoPageAsync(context);

        var negotiation = await page.EvaluateAsync<EchoNegotiation>("p => window.runServerOffer(p)", profile);
        output.WriteLine(negotiation.Offer);

        var stats = await PollAsync(page, s => s.State == "connected" && s.AudioBytesReceived > 0 && s.VideoFramesDecoded > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"server-offer-{profile}.png") });

        Assert.Equal("connected", stats.State);
        Assert.True(stats.AudioBytesReceived > 0, "no echoed audio bytes");
        Assert.True(stats.VideoFramesDecoded > 0, "no echoed video frames decoded");
        Assert.Equal(expectedCipher, stats.SrtpCipher);
        Assert.Equal("server", stats.DtlsRole);
        Assert.Contains("a=setup:actpass", negotiation.Offer, StringComparison.Ordinal);
        Assert.Contains("a=setup:passive", negotiation.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_OfferFingerprintDoesNotMatchCertificate_ServerRefusesDtls()
    {
        var closed = new TaskCompletionSource<PeerConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnClosed(IDatagramEndpoint endpoint) => closed.TrySetResult((PeerConnection)endpoint);
        fixture.Host.Transport.EndpointClosed += OnClosed;
        try
        {
            await using var context = await fixture.Browser.NewContextAsync();
            var page = await OpenEchoPageAsync(context);

            await page.EvaluateAsync<EchoNegotiation>("p => window.runEcho(p, true)", "gcm");

            var peer = await closed.Task.WaitAsync(Deadline);
            output.WriteLine(peer.CloseReason);
            Assert.Contains("DTLS", peer.CloseReason, StringComparison.Ordinal);
            Assert.Contains("fingerprint", peer.CloseReason, StringComparison.OrdinalIgnoreCase);
            Assert.Null(peer.SrtpProfile);
            var stats = await PollAsync(page, s => s.State == "failed");
            Assert.NotEqual("connected", stats.State);
            Assert.Equal(0, stats.AudioBytesReceived);
        }
        finally
        {
            fixture.Host.Transport.EndpointClosed -= OnClosed;
        }
    }

    [Fact]
    public async Task Echo_PageClosesItsPeerConnection_ServerClosesThePeerOnCloseNotify()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenEchoPageAsync(context);
        var negotiation = await page.EvaluateAsync<EchoNegotiation>("p => window.runEcho(p, false)", "gcm");
        await PollAsync(page, s => s.State == "connected" && s.AudioBytesReceived > 0);
        // Our answer's ufrag is the server peer's id.
        int at = negotiation.Answer.IndexOf("a=ice-ufrag:", StringComparison.Ordinal) + "a=ice-ufrag:".Length;
        string peerId = negotiation.Answer[at..negotiation.Answer.IndexOf('\r', at)];
        var closed = new TaskCompletionSource<PeerConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnClosed(IDatagramEndpoint endpoint)
        {
            if (endpoint.Id == peerId)
            {
                closed.TrySetResult((PeerConnection)endpoint);
            }
        }

        fixture.Host.Transport.EndpointClosed += OnClosed;
        try
        {
            Assert.True(fixture.Host.Transport.TryGetPeer(peerId, out _), "the server peer is not live");
            await page.EvaluateAsync("() => window.pc.close()");

            // Chromium sends close_notify; the reason shows the close came from it, not from the consent timeout.
            var peer = await closed.Task.WaitAsync(Deadline);
            Assert.Equal("DTLS close_notify received", peer.CloseReason);
        }
        finally
        {
            fixture.Host.Transport.EndpointClosed -= OnClosed;
        }
    }

    private async Task<IPage> OpenEchoPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine("console: " + message.Text);
        var url = new Uri(fixture.Host.BaseAddress, EchoPage.Path).ToString();
        await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = EchoPage.Html,
        }));
        await page.GotoAsync(url);
        return page;
    }

    private async Task<EchoStats> PollAsync(IPage page, Func<EchoStats, bool> done)
    {
        var until = DateTime.UtcNow + Deadline;
        EchoStats stats;
        do
        {
            stats = await page.EvaluateAsync<EchoStats>("() => window.echoStats()");
            if (done(stats))
            {
                return stats;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);

        output.WriteLine("last stats: " + stats);
        return stats;
    }
}
