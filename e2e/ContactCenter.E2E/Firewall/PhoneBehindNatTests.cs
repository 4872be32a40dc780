using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContactCenter.E2E.Infrastructure;
using ContactCenter.E2E.Sip;
using ContactCenter.Sip.UserAgent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Firewall;

/// <summary>
/// A phone behind NAT: sipp's SDP names 127.0.0.99 and a port where nothing listens, while the phone's RTP comes
/// from the test's endpoint. Symmetric RTP sends the agent's audio back to where the RTP came from, so the phone
/// hears the agent's 1 kHz microphone (measured as the phone e2e does).
/// </summary>
public sealed class PhoneBehindNatTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ToneHz = 1000;
    private const int BlockSamples = 400; // 50 ms at 8 kHz
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly SipHostFactory _host = new();
    private IPlaywright? _playwright;
    private IBrowser? _toneBrowser;

    public async Task InitializeAsync()
    {
        _host.StartServer();
        var tone = Path.Combine(_host.Folder, "tone-1khz.wav");
        ToneAudio.WriteSineWav(tone, ToneHz, seconds: 10);
        _playwright = await Playwright.CreateAsync();
        _toneBrowser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = [.. BrowserFixture.ChromiumArgs, "--use-file-for-fake-audio-capture=" + tone],
        });
    }

    [Fact]
    public async Task PhoneSdpNamesWrongAddress_RtpFromRealPort_PhoneHearsTheAgent()
    {
        var sip = _host.Services.GetRequiredService<SipUserAgent>();
        using var api = new Sfu.SfuApi(_host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (phoneId, phoneToken) = await api.CreateParticipantAsync("AUDIO");
        var (agentId, agentToken) = await api.CreateParticipantAsync("AUDIO");
        await api.AddMemberAsync(session, phoneId, $"{{\"sessionId\":\"{session}\"}}");
        await api.AddMemberAsync(session, agentId, $"{{\"sessionId\":\"{session}\"}}");
        await using var agent = await PhoneBrowser.OpenAsync(_toneBrowser!, _host.BaseAddress, "agent", output);
        Assert.Equal("ok:" + agentId, await agent.ConnectAsync(agentToken));
        Assert.Equal("ok", await agent.PublishRawMicrophoneAsync());

        await using var phoneMedia = new PhoneRtpEndpoint();
        var natPort = UnusedUdpPort();
        await using var phone = SippProcess.Start(PhoneScenarios.BehindNat, sip.LocalEndPoint, new Dictionary<string, string>
        {
            ["token"] = phoneToken,
            ["phone_port"] = phoneMedia.Port.ToString(CultureInfo.InvariantCulture),
            ["nat_port"] = natPort.ToString(CultureInfo.InvariantCulture),
        });
        var call = await WaitForAsync(() => sip.Calls.FirstOrDefault(c => c.ParticipantId == phoneId && c.State == SipCallState.Established));
        Assert.NotNull(call);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.99"), natPort), call.Leg.RemoteEndPoint);
        phoneMedia.StartSending(new IPEndPoint(IPAddress.Loopback, call.Leg.LocalPort));

        // Skip 1 s for the first packets and the jitter buffers, then measure 4 s of what the phone hears.
        Assert.True(await WaitForAsync(() => phoneMedia.SampleCount >= 8000), $"the phone receives no RTP (leg sends to {call.Leg.RemoteEndPoint})");
        var start = phoneMedia.SampleCount;
        Assert.True(await WaitForAsync(() => phoneMedia.SampleCount >= start + (4 * 8000)), "the phone stopped receiving");
        var samples = phoneMedia.SamplesFrom(start);
        double tone = 0;
        int blocks = 0;
        for (int offset = 0; offset + BlockSamples <= samples.Length; offset += BlockSamples, blocks++)
        {
            tone += ToneAudio.Amplitude(samples.AsSpan(offset, BlockSamples), ToneHz, 8000);
        }

        tone /= blocks;
        output.WriteLine($"phone hears: 1 kHz amplitude {tone:F0}, RMS {ToneAudio.Rms(samples):F0}; leg sends to {call.Leg.RemoteEndPoint}");
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, phoneMedia.Port), call.Leg.RemoteEndPoint);
        Assert.True(tone > 1000, $"the phone does not hear the agent's tone: amplitude {tone:F0}");

        await call.HangUpAsync();
        var (exit, log) = await phone.WaitAsync(Deadline);
        Assert.True(exit == 0, "sipp (phone) failed: " + log);
    }

    /// <summary>A loopback UDP port nobody listens on (bound, then released).</summary>
    private static int UnusedUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.99"), 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until && probe() is null)
        {
            await Task.Delay(100);
        }

        return probe();
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until && !condition())
        {
            await Task.Delay(100);
        }

        return condition();
    }

    public async Task DisposeAsync()
    {
        if (_toneBrowser is not null)
        {
            await _toneBrowser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _host.DisposeAsync();
    }
}
