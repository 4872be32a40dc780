using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ContactCenter.Sip.Sdp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Media;

/// <summary>
/// The RTP side of one phone call over a real UDP socket: receives G.711 and RFC 4733 events, sends
/// 20 ms G.711 packets with its own SSRC, sequence numbers and 8 kHz timestamps (RFC 3550 §5.1), and
/// ends itself when the phone stays silent longer than the configured timeout. Symmetric RTP: after the
/// first valid packet it sends to wherever the phone's packets come from (NAT traversal, RFC 4961).
/// </summary>
public sealed partial class RtpLeg : IPhoneAudioSender, IAsyncDisposable
{
    private const int SamplesPerFrame = 160;
    private readonly object _sendLock = new();
    private readonly Socket _socket;
    private readonly Socket? _rtcpSocket;
    private readonly TimeProvider _time;
    private readonly TimeSpan _noRtpTimeout;
    private readonly IPhoneMediaSink? _sink;
    private readonly ILogger _logger;
    private readonly DtmfReceiver _dtmf;
    private readonly byte[] _sendBuffer = new byte[RtpPacket.HeaderSize + 1500];
    private readonly CancellationTokenSource _stop = new();
    private SocketAddress? _remote;
    private uint? _latchedSsrc;
    private ushort _sequence;
    private uint _timestamp;
    private bool _marker = true;
    private int _ended;
    private Task? _receiveLoop;
    private ITimer? _timeoutTimer;
    private long _lastReceived;

    public RtpLeg(string legId, Socket rtpSocket, Socket? rtcpSocket, IPEndPoint? offeredRemote, SdpNegotiation negotiation,
        TimeProvider time, TimeSpan noRtpTimeout, IPhoneMediaSink? sink, ILogger logger)
    {
        LegId = legId;
        _socket = rtpSocket;
        _rtcpSocket = rtcpSocket;
        Negotiation = negotiation;
        _time = time;
        _noRtpTimeout = noRtpTimeout;
        _sink = sink;
        _logger = logger;
        _remote = offeredRemote?.Serialize();
        Ssrc = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        // Random initial sequence number and timestamp (RFC 3550 §5.1).
        _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
        _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        _dtmf = new DtmfReceiver((digit, duration) => DtmfReceived?.Invoke(this, digit, duration));
    }

    /// <summary>
    /// Symmetric RTP (RFC 4961): after the first valid packet, send to where the phone's RTP comes from; later
    /// moves only for the same SSRC (a NAT rebinding), so a stray stream cannot take the call's audio. True by
    /// default; the user agent sets it from <see cref="SymmetricRtpPolicy"/>.
    /// </summary>
    public bool Symmetric { get; init; } = true;

    public string LegId { get; }
    public SdpNegotiation Negotiation { get; private set; }
    public uint Ssrc { get; }
    public int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Our side of the SDP direction; sending happens only for sendrecv/sendonly (hold, RFC 3264 §8.4).</summary>
    public MediaDirection Direction { get; private set; } = MediaDirection.SendRecv;

    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);
    public long PacketsSent => Interlocked.Read(ref _packetsSent);
    public long DtmfPacketsReceived => Interlocked.Read(ref _dtmfPacketsReceived);

    /// <summary>Mean absolute sample value of the decoded phone audio so far (0 for silence).</summary>
    public double AverageAbsoluteAmplitude
    {
        get
        {
            var samples = Interlocked.Read(ref _samplesReceived);
            return samples == 0 ? 0 : (double)Interlocked.Read(ref _absoluteSum) / samples;
        }
    }

    public IPEndPoint? RemoteEndPoint
    {
        get
        {
            var remote = _remote;
            return remote is null ? null : (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(remote);
        }
    }

    /// <summary>A digit from the phone (RFC 4733), raised once per event; duration in 8 kHz samples.</summary>
    public event Action<RtpLeg, char, int>? DtmfReceived;

    /// <summary>Raised once, on close, socket failure or RTP timeout.</summary>
    public event Action<RtpLeg, RtpLegEndReason>? Ended;

    public void Start()
    {
        _lastReceived = _time.GetTimestamp();
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(_stop.Token));
        if (_noRtpTimeout > TimeSpan.Zero)
        {
            var period = _noRtpTimeout < TimeSpan.FromSeconds(4) ? _noRtpTimeout / 4 : TimeSpan.FromSeconds(1);
            _timeoutTimer = _time.CreateTimer(static s => ((RtpLeg)s!).CheckTimeout(), this, period, period);
        }
    }

    /// <summary>Applies a re-INVITE: new direction (hold/resume) and possibly a new remote address.</summary>
    public void Update(MediaDirection direction, IPEndPoint? offeredRemote, SdpNegotiation negotiation)
    {
        lock (_sendLock)
        {
            var couldSend = CanSend;
            Direction = direction;
            Negotiation = negotiation;
            if (offeredRemote is not null && !offeredRemote.Address.Equals(IPAddress.Any))
            {
                _remote = offeredRemote.Serialize();
                _latchedSsrc = null; // a new offer: the next valid packet may latch again
            }
            if (!couldSend && CanSend)
            {
                _marker = true;
            }
        }
        _lastReceived = _time.GetTimestamp();
    }

    private bool CanSend => Direction is MediaDirection.SendRecv or MediaDirection.SendOnly;
    private bool ExpectsMedia => Direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    public void SendAudio(ReadOnlySpan<byte> g711Payload)
    {
        lock (_sendLock)
        {
            var remote = _remote;
            if (!CanSend || remote is null || _ended != 0 || g711Payload.Length > _sendBuffer.Length - RtpPacket.HeaderSize)
            {
                AdvanceSilently(g711Payload.Length);
                return;
            }
            RtpPacket.WriteHeader(_sendBuffer, _marker, (byte)Negotiation.PayloadType, _sequence, _timestamp, Ssrc);
            g711Payload.CopyTo(_sendBuffer.AsSpan(RtpPacket.HeaderSize));
            try
            {
                _socket.SendTo(_sendBuffer.AsSpan(0, RtpPacket.HeaderSize + g711Payload.Length), SocketFlags.None, remote);
                Interlocked.Increment(ref _packetsSent);
            }
            catch (SocketException ex)
            {
                SipLog.RtpSendFailed(_logger, LegId, ex.SocketErrorCode);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            _marker = false;
            _sequence++;
            // G.711 has one sample per byte at 8 kHz, so the timestamp advances by the payload length.
            _timestamp += (uint)g711Payload.Length;
        }
    }

    public void SkipAudio(int samples)
    {
        lock (_sendLock)
        {
            AdvanceSilently(samples);
        }
    }

    private void AdvanceSilently(int samples)
    {
        // Time keeps running during silence; the first packet after it starts a talkspurt (RFC 3551 §4.1).
        _timestamp += (uint)samples;
        _marker = true;
    }

    /// <summary>Ends the leg (BYE, hang-up or shutdown).</summary>
    public void Close() => End(RtpLegEndReason.Closed);

    private void End(RtpLegEndReason reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }
        _timeoutTimer?.Dispose();
        _stop.Cancel();
        Ended?.Invoke(this, reason);
    }

    public async ValueTask DisposeAsync()
    {
        End(RtpLegEndReason.Closed);
        _socket.Dispose();
        _rtcpSocket?.Dispose();
        if (_receiveLoop is not null)
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        _stop.Dispose();
    }
}
