using Org.BouncyCastle.Tls;

namespace ContactCenter.Media.Dtls;

/// <summary>
/// A DTLS association after its handshake. The handshake thread reads it for <see cref="DtlsHandshake.Linger"/>
/// (retransmitted final flights); after that nobody holds a thread for it, and an alert record from the remote
/// (rare) is read on demand on the thread pool, so that the remote's close_notify or fatal alert is noticed at once
/// (RFC 5246 §7.2.1) instead of at the ICE consent timeout. Nothing here runs on the SRTP path.
/// </summary>
internal sealed class DtlsAssociation
{
    /// <summary>TLS ContentType.alert: the only record type read after the linger.</summary>
    public const byte AlertContentType = 21;

    private const int Lingering = 0;
    private const int Idle = 1;
    private const int Draining = 2;

    private readonly DtlsTransport _transport;
    private readonly DtlsDatagramChannel _channel;
    private readonly DtlsAlertLog _alerts;
    private readonly object _gate = new();
    private Action<string>? _onRemoteClosed;
    private string? _remoteClosedReason;
    private int _state = Lingering;

    internal DtlsAssociation(DtlsTransport transport, DtlsDatagramChannel channel, DtlsAlertLog alerts)
    {
        _transport = transport;
        _channel = channel;
        _alerts = alerts;
    }

    /// <summary>True once the handshake thread stopped reading (only alert records are taken after that).</summary>
    public bool IsIdle => Volatile.Read(ref _state) != Lingering;

    /// <summary>Why the remote ended the association (close_notify or a fatal alert), or null.</summary>
    public string? RemoteClosedReason
    {
        get
        {
            lock (_gate)
            {
                return _remoteClosedReason;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="callback"/> once when the remote ends the association; at once if it already did.
    /// </summary>
    public void OnRemoteClosed(Action<string> callback)
    {
        string? reason;
        lock (_gate)
        {
            reason = _remoteClosedReason;
            if (reason is null)
            {
                _onRemoteClosed = callback;
                return;
            }
        }

        callback(reason);
    }

    /// <summary>
    /// A datagram was queued on the channel (receive loop). While idle, starts one thread-pool read of the queue;
    /// returns at once.
    /// </summary>
    public void OnDatagramQueued()
    {
        if (Interlocked.CompareExchange(ref _state, Draining, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static self => self.Drain(), this, preferLocal: false);
        }
    }

    /// <summary>Sends our close_notify and closes the channel (the browser side of a test, or a local close).</summary>
    public void Close()
    {
        try
        {
            _transport.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Closing is best effort: the channel may already be gone.
        }

        _channel.Close();
    }

    /// <summary>Called by the handshake thread when its linger is over; reads whatever arrived meanwhile.</summary>
    internal void EnterIdle()
    {
        CheckRemoteClosed();
        Volatile.Write(ref _state, Idle);
        if (_channel.Pending > 0)
        {
            OnDatagramQueued();
        }
    }

    /// <summary>After each read on the handshake thread: BouncyCastle has processed any alert by now.</summary>
    internal void CheckRemoteClosed()
    {
        int alert = _alerts.Received;
        if (alert < 0)
        {
            return;
        }

        int level = alert >> 8;
        int description = alert & 0xFF;
        string reason;
        if (description == AlertDescription.close_notify)
        {
            reason = "DTLS close_notify received";
        }
        else if (level == AlertLevel.fatal)
        {
            reason = "DTLS fatal alert received: " + AlertDescription.GetText((short)description);
        }
        else
        {
            return; // a warning other than close_notify does not end the association
        }

        Action<string>? callback;
        lock (_gate)
        {
            if (_remoteClosedReason is not null)
            {
                return;
            }

            _remoteClosedReason = reason;
            callback = _onRemoteClosed;
            _onRemoteClosed = null;
        }

        callback?.Invoke(reason);
    }

    private void Drain()
    {
        byte[] buffer = new byte[DtlsDatagramChannel.ReceiveLimit];
        while (true)
        {
            try
            {
                while (_channel.Pending > 0 && !_channel.IsClosed)
                {
                    // A 1 ms wait: the queue is not empty, and 0 would mean "forever" to BouncyCastle.
                    _transport.Receive(buffer, 0, buffer.Length, 1);
                    CheckRemoteClosed();
                }
            }
            catch (Exception)
            {
                // Never out of a thread-pool item. A fatal alert throws after BouncyCastle recorded it; anything else
                // (the channel closed, a record that does not decrypt) only ends this read.
                CheckRemoteClosed();
                Volatile.Write(ref _state, Idle);
                return;
            }

            Volatile.Write(ref _state, Idle);
            if (_channel.Pending == 0 || _channel.IsClosed
                || Interlocked.CompareExchange(ref _state, Draining, Idle) != Idle)
            {
                return;
            }
        }
    }
}
