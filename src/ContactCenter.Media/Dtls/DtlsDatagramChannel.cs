using System.Buffers;
using System.Collections.Concurrent;
using Org.BouncyCastle.Tls;

namespace ContactCenter.Media.Dtls;

/// <summary>
/// BouncyCastle's <see cref="DatagramTransport"/> over a bounded queue. The UDP receive loop enqueues DTLS
/// datagrams (copied into pooled buffers) and never blocks; the blocking handshake thread dequeues them.
/// Receive returns -1 on timeout, as BouncyCastle expects, and throws once the channel is closed.
/// </summary>
internal sealed class DtlsDatagramChannel : DatagramTransport
{
    /// <summary>Chromium's ClientHello comes in ~1,400-byte datagrams; a full Ethernet MTU fits every one.</summary>
    public const int ReceiveLimit = 1500;

    /// <summary>Our handshake flights are fragmented to fit common path MTUs with room for IP/UDP headers.</summary>
    public const int SendLimit = 1200;

    private const int Capacity = 64;

    private readonly BlockingCollection<Datagram> _queue = new(new ConcurrentQueue<Datagram>(), Capacity);
    private readonly CancellationTokenSource _closed = new();
    private readonly IDatagramSender _sender;
    private long _dropped;

    public DtlsDatagramChannel(IDatagramSender sender) => _sender = sender;

    public bool IsClosed => _closed.IsCancellationRequested;

    /// <summary>Datagrams dropped because the queue was full or the channel closed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Called by the receive loop: copies the datagram and returns at once. False when dropped.</summary>
    public bool Enqueue(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > ReceiveLimit || _closed.IsCancellationRequested)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(datagram.Length);
        datagram.CopyTo(buffer);
        bool added;
        try
        {
            added = _queue.TryAdd(new Datagram(buffer, datagram.Length));
        }
        catch (InvalidOperationException)
        {
            added = false; // completed by Close
        }

        if (!added)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Increment(ref _dropped);
        }

        return added;
    }

    /// <summary>Datagrams queued and not read yet.</summary>
    public int Pending => _queue.Count;

    public int GetReceiveLimit() => ReceiveLimit;

    public int GetSendLimit() => SendLimit;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    public int Receive(Span<byte> buffer, int waitMillis)
    {
        Datagram datagram;
        try
        {
            if (!_queue.TryTake(out datagram, waitMillis <= 0 ? Timeout.Infinite : waitMillis, _closed.Token))
            {
                return -1;
            }
        }
        catch (OperationCanceledException)
        {
            throw new IOException("The DTLS channel is closed.");
        }
        catch (ObjectDisposedException)
        {
            throw new IOException("The DTLS channel is closed.");
        }

        try
        {
            int length = Math.Min(datagram.Length, buffer.Length);
            datagram.Buffer.AsSpan(0, length).CopyTo(buffer);
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(datagram.Buffer);
        }
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer)
    {
        if (_closed.IsCancellationRequested)
        {
            throw new IOException("The DTLS channel is closed.");
        }

        _sender.Send(buffer);
    }

    /// <summary>Stops the handshake (a blocked Receive throws) and frees queued buffers. Idempotent.</summary>
    public void Close()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        while (_queue.TryTake(out var datagram))
        {
            ArrayPool<byte>.Shared.Return(datagram.Buffer);
        }
    }

    private readonly record struct Datagram(byte[] Buffer, int Length);
}
