using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// One accepted TCP connection; responses and in-dialog requests go back on it (RFC 3261 §18.2.2).
/// <see cref="Send"/> never blocks: it queues a copy, bounded in bytes, and one asynchronous writer drains the
/// queue with a timeout per write. A peer that lets the queue overflow, or that does not take a write in time,
/// is dropped: a client that never reads costs a bounded amount of memory and no thread.
/// </summary>
internal sealed class TcpConnection : ISipFlow, IDisposable
{
    private readonly Socket _socket;
    private readonly TimeProvider _time;
    private readonly int _maxQueuedBytes;
    private readonly TimeSpan _sendTimeout;
    private readonly Queue<byte[]> _queue = new();
    private readonly object _queueLock = new();
    private int _queuedBytes;
    private bool _writing;
    private bool _closing;
    private string? _closeReason;
    private int _activeCalls;
    private int _closed;
    private int _dropped;

    public TcpConnection(Socket socket, TimeProvider time, int maxQueuedBytes, TimeSpan sendTimeout)
    {
        _socket = socket;
        _time = time;
        _maxQueuedBytes = maxQueuedBytes;
        _sendTimeout = sendTimeout;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
        Local = (IPEndPoint)socket.LocalEndPoint!;
        LastActivity = time.GetTimestamp();
    }

    public bool IsReliable => true;
    public string Transport => "TCP";
    public IPEndPoint Remote { get; }
    public IPEndPoint Local { get; }
    public Socket Socket => _socket;
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Why the server dropped the connection (for the metric), set once by <see cref="Drop"/>.</summary>
    public string? DropReason { get; private set; }

    /// <summary>Raised once when the connection is dropped by the server (not when the peer closes it).</summary>
    public Action<TcpConnection, string>? Dropped { get; set; }

    /// <summary>When bytes last arrived (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastActivity { get; set; }

    /// <summary>When the first byte of the message being received arrived; 0 when no partial message is buffered.</summary>
    public long MessageStarted { get; set; }

    /// <summary>Calls whose dialog runs over this connection; an idle connection carrying a call is kept.</summary>
    public int ActiveCalls => Volatile.Read(ref _activeCalls);

    public void CallStarted() => Interlocked.Increment(ref _activeCalls);

    public void CallEnded() => Interlocked.Decrement(ref _activeCalls);

    public void Send(ReadOnlySpan<byte> data)
    {
        if (IsClosed || data.IsEmpty)
        {
            return;
        }
        var copy = data.ToArray();
        lock (_queueLock)
        {
            if (_queuedBytes + copy.Length > _maxQueuedBytes)
            {
                copy = null;
            }
            else
            {
                _queue.Enqueue(copy);
                _queuedBytes += copy.Length;
                if (_writing)
                {
                    return;
                }
                _writing = true;
            }
        }
        if (copy is null)
        {
            Drop("send_queue_full");
            return;
        }
        _ = WriteQueueAsync();
    }

    /// <summary>The single writer: drains the queue, each write bounded by the send timeout.</summary>
    private async Task WriteQueueAsync()
    {
        while (true)
        {
            byte[]? next = null;
            lock (_queueLock)
            {
                if (_queue.Count == 0 || IsClosed)
                {
                    _writing = false;
                    if (!_closing)
                    {
                        return;
                    }
                }
                else
                {
                    next = _queue.Peek();
                }
            }
            if (next is null)
            {
                CloseNow(_closeReason);
                return;
            }
            using var timeout = new CancellationTokenSource(_sendTimeout, _time);
            try
            {
                var sent = 0;
                while (sent < next.Length)
                {
                    sent += await _socket.SendAsync(next.AsMemory(sent), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                Drop("send_timeout");
                return;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The peer went away; the read loop notices and forgets the connection.
                Dispose();
                return;
            }
            lock (_queueLock)
            {
                _queue.Dequeue();
                _queuedBytes -= next.Length;
            }
        }
    }

    /// <summary>
    /// Closes once the queued replies are written (a 400 or 513 before closing a stream that lost its framing);
    /// <paramref name="reason"/> non-null counts it as dropped by the server.
    /// </summary>
    public void Close(string? reason)
    {
        lock (_queueLock)
        {
            if (_writing)
            {
                _closing = true;
                _closeReason ??= reason;
                return;
            }
        }
        CloseNow(reason);
    }

    private void CloseNow(string? reason)
    {
        if (reason is null)
        {
            Dispose();
        }
        else
        {
            Drop(reason);
        }
    }

    /// <summary>The server closes the connection on purpose (a limit was hit); the read loop then ends.</summary>
    public void Drop(string reason)
    {
        if (IsClosed || Interlocked.Exchange(ref _dropped, 1) != 0)
        {
            return;
        }
        DropReason = reason;
        Dropped?.Invoke(this, reason);
        Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        _socket.Dispose();
        lock (_queueLock)
        {
            _queue.Clear();
            _queuedBytes = 0;
        }
    }
}
