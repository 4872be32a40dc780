using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Diagnostics.Metrics;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Limits;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Sip.UserAgent;

/// <summary>
/// SIP user agent server (RFC 3261) over UDP and TCP on one port. It accepts INVITE, ACK, BYE, CANCEL
/// and OPTIONS (re-INVITE for hold/resume), runs the RFC 3261 §17 transactions, checks trunks, and gives
/// each accepted call an <see cref="RtpLeg"/> and a <see cref="PhoneBridge"/> ticked every 20 ms.
/// What a call becomes is decided by the host's <see cref="ISipCallHandler"/>.
/// </summary>
/// <remarks>
/// Wiring for the host:
/// <list type="number">
/// <item>Bind <see cref="SipOptions"/> (section "Sip") with <see cref="SipOptionsValidator"/> and ValidateOnStart.</item>
/// <item>Implement <see cref="ISipCallHandler"/>: validate the token / place the trunk caller in the queue in
/// <see cref="ISipCallHandler.OnInviteAsync"/>; on <see cref="ISipCallHandler.OnCallEstablished"/> add the member,
/// and feed <see cref="SipCall.Bridge"/> with <see cref="PhoneBridge.SetStreams"/> (the phone's subscriptions, as
/// stream keys) and <see cref="PhoneBridge.PushOpus"/>/<see cref="PhoneBridge.PushOpusRtp"/> from the SFU's forwarding;
/// remove the member on <see cref="ISipCallHandler.OnCallEnded"/>.</item>
/// <item>Implement <see cref="IPhoneMediaSink"/> to publish the phone's G.711 RTP as its
/// <see cref="PhoneStreams.MicrophoneAlias"/> stream (<see cref="SipCall.Leg"/>.Negotiation says PCMU or PCMA and the payload type).</item>
/// <item>Create one <see cref="SipUserAgent"/>, call <see cref="Start"/>, and dispose it on shutdown (calls get BYE).</item>
/// </list>
/// </remarks>
public sealed partial class SipUserAgent : IAsyncDisposable
{
    internal const string AllowedMethods = "INVITE, ACK, BYE, CANCEL, OPTIONS";
    private static readonly TimeSpan s_mediaTick = TimeSpan.FromMilliseconds(20);

    private readonly SipOptions _options;
    private readonly ISipCallHandler _handler;
    private readonly IPhoneMediaSink? _sink;
    private readonly TimeProvider _time;
    private readonly SipTimerOptions _timers;
    private readonly ILogger _logger;
    private readonly SipTrunkAuthenticator _trunks;
    private readonly RtpPortAllocator _ports;
    private readonly SipMetrics _metrics;
    private readonly InviteRateLimiter _inviteLimiter;
    private readonly SipParserLimits _parserLimits;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, SipServerTransaction> _serverTransactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NonInviteClientTransaction> _clientTransactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pendingInvites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipCall> _calls = new(StringComparer.Ordinal);
    private readonly List<Task> _loops = [];
    private readonly object _tickLock = new();
    // Copy-on-write list for the media clock, so a tick enumerates without allocating.
    private volatile SipCall[] _tickList = [];
    private int _disposed;
    private Socket? _udp;
    private Socket? _tcp;

    public SipUserAgent(IOptions<SipOptions> options, ISipCallHandler handler, IPhoneMediaSink? sink = null,
        TimeProvider? time = null, ILogger<SipUserAgent>? logger = null, SipTimerOptions? timers = null,
        IMeterFactory? meterFactory = null)
    {
        _options = options.Value;
        _handler = handler;
        _sink = sink;
        _time = time ?? TimeProvider.System;
        _timers = timers ?? new SipTimerOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _trunks = new SipTrunkAuthenticator(_options, _time);
        _ports = new RtpPortAllocator(ListenIp, _options.RtpPortMin, _options.RtpPortMax);
        _metrics = new SipMetrics(meterFactory);
        _inviteLimiter = new InviteRateLimiter(_options, address => !_options.RateLimitTrunks && _trunks.MatchSource(address) is not null);
        _parserLimits = new SipParserLimits(_options.MaxMessageBytes, _options.MaxHeaderCount);
    }

    /// <summary>The meter "ContactCenter.Sip" and its instruments (tests listen to it).</summary>
    internal SipMetrics Metrics => _metrics;

    /// <summary>The bound UDP (and TCP) endpoint; valid after <see cref="Start"/>.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_udp?.LocalEndPoint ?? throw new InvalidOperationException("Not started."));

    /// <summary>Live calls (accepted or established).</summary>
    public IReadOnlyCollection<SipCall> Calls => [.. _calls.Values];

    private IPAddress ListenIp => IPAddress.Parse(_options.ListenAddress);

    /// <summary>Binds UDP and TCP on the same port and starts the receive loops and the 20 ms media clock.</summary>
    public void Start()
    {
        if (_udp is not null)
        {
            throw new InvalidOperationException("Already started.");
        }
        // With port 0 the OS picks the UDP port; TCP must then get the same number, which may be taken.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(ListenIp.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(ListenIp, _options.Port));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            var tcp = new Socket(ListenIp.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(ListenIp, port));
                tcp.Listen(128);
                _udp = udp;
                _tcp = tcp;
                break;
            }
            catch (SocketException) when (_options.Port == 0 && attempt < 20)
            {
                udp.Dispose();
                tcp.Dispose();
            }
        }
        SipLog.Listening(_logger, LocalEndPoint);
        // The local address is read here, while the socket is surely open: a stop right after the start disposes it
        // before the loop's first line runs.
        var udpSocket = _udp!;
        var udpLocal = (IPEndPoint)udpSocket.LocalEndPoint!;
        _loops.Add(Task.Run(() => UdpLoopAsync(udpSocket, udpLocal, _stop.Token)));
        _tcpServer = new SipTcpServer(_tcp!, _options, _parserLimits, _time, _metrics, _logger,
            (parsed, connection) => OnParsed(parsed, connection.Remote, _ => connection));
        _loops.Add(Task.Run(() => _tcpServer.StartAsync(_stop.Token)));
        _loops.Add(Task.Run(() => MediaClockAsync(_stop.Token)));
    }

    /// <summary>
    /// Drives every bridge once per 20 ms on one thread (all legs share the clock). The timer may wake
    /// late on a busy machine; the tick count follows elapsed time so the phone still gets 50 packets a
    /// second, and a long stall (over 100 ms) is skipped rather than bursted.
    /// </summary>
    private async Task MediaClockAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(s_mediaTick, _time);
        var started = _time.GetTimestamp();
        long done = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                var due = (long)(_time.GetElapsedTime(started) / s_mediaTick);
                if (due - done > 5)
                {
                    done = due - 1;
                }
                for (; done < due; done++)
                {
                    TickAll();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void TickAll()
    {
        foreach (var call in _tickList)
        {
            if (call.State == SipCallState.Ended)
            {
                continue;
            }
            try
            {
                call.Bridge.Tick();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                SipLog.TickFailed(_logger, ex, call.LegId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // Phones get a BYE (sent once; its retransmissions stop when the socket closes).
        foreach (var call in _calls.Values)
        {
            await EndCallAsync(call, SipCallEndReason.Shutdown, sendBye: true, waitForBye: false).ConfigureAwait(false);
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        _udp?.Dispose();
        _tcp?.Dispose();
        _tcpServer?.Dispose();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        foreach (var tx in _serverTransactions.Values)
        {
            (tx as InviteServerTransaction)?.Abandon();
        }
        _inviteLimiter.Dispose();
        _metrics.Dispose();
        _stop.Dispose();
    }
}
