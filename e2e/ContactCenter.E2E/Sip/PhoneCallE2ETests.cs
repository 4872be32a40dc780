using System.Net;
using ContactCenter.Core.Agents;
using ContactCenter.E2E.Sfu;
using ContactCenter.Sip.UserAgent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Sip;

/// <summary>
/// A sipp phone in the customer role with a Chromium agent and a Chromium supervisor whose microphone is a 1 kHz
/// tone. The phone's RTP goes to the test's own endpoint, which decodes what the phone hears: in barge the tone is
/// there (the detector works), in whisper the agent is heard and the supervisor's tone is not.
/// </summary>
public sealed class PhoneCallE2ETests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ToneHz = 1000;
    private const int BlockSamples = 400; // 50 ms at 8 kHz: whole periods of 1 kHz
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly string[] ChromiumArgs =
    [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--allow-loopback-in-peer-connection",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly SipHostFactory _host = new();
    private IPlaywright? _playwright;
    private IBrowser? _plainBrowser;
    private IBrowser? _toneBrowser;

    public async Task InitializeAsync()
    {
        _host.StartServer();
        var tone = Path.Combine(_host.Folder, "tone-1khz.wav");
        ToneAudio.WriteSineWav(tone, ToneHz, seconds: 10);
        _playwright = await Playwright.CreateAsync();
        _plainBrowser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs,
        });
        _toneBrowser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = [.. ChromiumArgs, "--use-file-for-fake-audio-capture=" + tone],
        });
    }

    [Fact]
    public async Task PhoneCustomer_WhisperAndBarge_PhoneHearsAgentAndSupervisorOnlyWhenPlanned()
    {
        var sip = _host.Services.GetRequiredService<SipUserAgent>();
        using var api = new SfuApi(_host.BaseAddress);
        var session = await api.CreateSessionAsync();
        var (phoneId, phoneToken) = await api.CreateParticipantAsync("AUDIO");
        var (dialerId, dialerToken) = await api.CreateParticipantAsync("AUDIO");
        var (agentId, agentToken) = await api.CreateParticipantAsync("AUDIO");
        var (supervisorId, supervisorToken) = await api.CreateParticipantAsync("AUDIO");
        foreach (var id in new[] { phoneId, agentId, supervisorId })
        {
            await api.AddMemberAsync(session, id);
        }

        await using var agent = await PhoneBrowser.OpenAsync(_plainBrowser!, _host.BaseAddress, "agent", output);
        await using var supervisor = await PhoneBrowser.OpenAsync(_toneBrowser!, _host.BaseAddress, "supervisor", output);
        Assert.Equal("ok:" + agentId, await agent.ConnectAsync(agentToken));
        Assert.Equal("ok:" + supervisorId, await supervisor.ConnectAsync(supervisorToken));
        Assert.Equal("ok", await agent.PublishRawMicrophoneAsync());
        Assert.Equal("ok", await supervisor.PublishRawMicrophoneAsync());
        await api.SetModeAsync(session, "barge", supervisorId, agentId, phoneId);

        await using var phoneMedia = new PhoneRtpEndpoint();
        await using var phone = SippProcess.Start(PhoneScenarios.UntilServerBye, sip.LocalEndPoint,
            new Dictionary<string, string> { ["token"] = phoneToken, ["phone_port"] = phoneMedia.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var call = await WaitForAsync(() => sip.Calls.FirstOrDefault(c => c.ParticipantId == phoneId && c.State == SipCallState.Established));
        Assert.NotNull(call);
        phoneMedia.StartSending(new IPEndPoint(IPAddress.Loopback, call.Leg.LocalPort));

        // Phone → agent: the agent's browser decodes the phone's G.711 (getStats), and the server counts the edge.
        var heard = await WaitForAsync(async () => (await agent.StatsAsync(phoneId)).AudioBytes > 0
            && await api.EdgePacketsAsync(session, phoneId, agentId, "microphone") > 0);
        output.WriteLine($"agent <- phone: {await agent.StatsAsync(phoneId)}, server {await api.EdgePacketsAsync(session, phoneId, agentId, "microphone")} packets");
        Assert.True(heard, "the agent's browser receives no audio from the phone");

        // Barge: the phone hears the supervisor, so the tone must be measurable (the detector's control).
        var barge = await MeasureAsync(phoneMedia, "barge");
        Assert.True(barge.Tone > 1000, $"the supervisor's tone is not in the phone's audio in barge: {barge}");

        // Whisper: the phone hears the agent only.
        var packetsBefore = phoneMedia.PacketsReceived;
        await api.SetModeAsync(session, "whisper", supervisorId, agentId, phoneId);
        var whisper = await MeasureAsync(phoneMedia, "whisper");
        Assert.True(phoneMedia.PacketsReceived > packetsBefore, "the phone receives no RTP in whisper");
        Assert.True(whisper.PeakRms > 300, $"the agent is not heard by the phone in whisper: {whisper}");
        Assert.True(whisper.Tone < barge.Tone / 20, $"the phone hears the whispering supervisor: {whisper} (barge {barge})");

        await call.HangUpAsync();
        var (exit, log) = await phone.WaitAsync(Deadline);
        Assert.True(exit == 0, "sipp (phone) failed: " + log);

        // DTMF from a second phone leg (sipp plays Debian's RFC 4733 pcaps) reaches the agent desk's feed.
        await api.AddMemberAsync(session, dialerId);
        var digits = new List<char>();
        using var feed = _host.Services.GetRequiredService<IDtmfFeed>().Subscribe(session, d =>
        {
            lock (digits)
            {
                digits.Add(d);
            }
        });
        await using var dialer = SippProcess.Start(PhoneScenarios.Digits, sip.LocalEndPoint,
            new Dictionary<string, string> { ["token"] = dialerToken });
        var (dialExit, dialLog) = await dialer.WaitAsync(Deadline);
        Assert.True(dialExit == 0, "sipp (digits) failed: " + dialLog);
        lock (digits)
        {
            Assert.Equal("123#", new string([.. digits]));
        }
    }

    /// <summary>Skips 1 s for the new mode to settle in the jitter buffers, then measures 4 s of what the phone hears.</summary>
    private async Task<Measurement> MeasureAsync(PhoneRtpEndpoint phone, string phase)
    {
        var settle = phone.SampleCount + 8000;
        Assert.True(await WaitForAsync(() => Task.FromResult(phone.SampleCount >= settle)), $"{phase}: the phone stopped receiving");
        var start = phone.SampleCount;
        Assert.True(await WaitForAsync(() => Task.FromResult(phone.SampleCount >= start + 4 * 8000)), $"{phase}: the phone stopped receiving");
        var samples = phone.SamplesFrom(start);
        double tone = 0, peak = 0;
        int blocks = 0;
        for (int offset = 0; offset + BlockSamples <= samples.Length; offset += BlockSamples, blocks++)
        {
            var block = samples.AsSpan(offset, BlockSamples);
            tone += ToneAudio.Amplitude(block, ToneHz, 8000);
            peak = Math.Max(peak, ToneAudio.Rms(block));
        }

        var result = new Measurement(tone / blocks, peak, ToneAudio.Rms(samples));
        output.WriteLine($"{phase}: {result}");
        return result;
    }

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return probe();
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    public async Task DisposeAsync()
    {
        if (_plainBrowser is not null)
        {
            await _plainBrowser.DisposeAsync();
        }

        if (_toneBrowser is not null)
        {
            await _toneBrowser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _host.DisposeAsync();
    }

    private sealed record Measurement(double Tone, double PeakRms, double Rms)
    {
        public override string ToString() => $"1 kHz amplitude {Tone:F0}, peak block RMS {PeakRms:F0}, RMS {Rms:F0}";
    }
}
