using ContactCenter.Sip.Media;
using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgent;
using Microsoft.Extensions.Options;

namespace ContactCenter.Sip.Tests.UserAgent;

/// <summary>A UAS on 127.0.0.1 with an OS-chosen port and the test-double handler.</summary>
internal sealed class UasHarness : IAsyncDisposable
{
    public UasHarness(Action<SipOptions>? configure = null, IPhoneMediaSink? sink = null, int rtpBase = 43000,
        SipTimerOptions? timers = null)
    {
        Options = new SipOptions { ListenAddress = "127.0.0.1", Port = 0, RtpPortMin = rtpBase, RtpPortMax = rtpBase + 999, NoRtpTimeoutSeconds = 0 };
        configure?.Invoke(Options);
        Agent = new SipUserAgent(Microsoft.Extensions.Options.Options.Create(Options), Handler, sink, timers: timers);
        Agent.Start();
    }

    public SipOptions Options { get; }
    public TestCallHandler Handler { get; } = new();
    public SipUserAgent Agent { get; }

    public SipTestClient Client(bool tcp = false) => new(Agent.LocalEndPoint, tcp);

    public ValueTask DisposeAsync() => Agent.DisposeAsync();
}
