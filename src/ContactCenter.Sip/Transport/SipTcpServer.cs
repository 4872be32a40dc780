using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Limits;
using ContactCenter.Sip.Messages;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// The SIP TCP side: accepts connections within the caps (in all, and per source address), reads each with a
/// bounded <see cref="SipStreamFramer"/>, and closes connections that idle without a call, hold a partial
/// message too long, send something too large, or do not take their replies (<see cref="TcpConnection"/>).
/// Framed messages go to the user agent's dispatcher; nothing thrown there or here leaves a loop.
/// </summary>
internal sealed class SipTcpServer : IDisposable
{
    private static readonly TimeSpan s_sweepPeriod = TimeSpan.FromMilliseconds(250);
    private readonly Socket _listener;
    private readonly SipOptions _options;
    private readonly SipParserLimits _limits;
    private readonly TimeProvider _time;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Action<SipParseResult, TcpConnection> _dispatch;
    private readonly ConcurrentDictionary<TcpConnection, byte> _connections = new();
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly object _countLock = new();
    private ITimer? _sweeper;

    public SipTcpServer(Socket listener, SipOptions options, SipParserLimits limits, TimeProvider time, SipMetrics metrics,
        ILogger logger, Action<SipParseResult, TcpConnection> dispatch)
    {
        _listener = listener;
        _options = options;
        _limits = limits;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _dispatch = dispatch;
    }

    public int ConnectionCount => _connections.Count;

    public Task StartAsync(CancellationToken ct)
    {
        _sweeper = _time.CreateTimer(static s => ((SipTcpServer)s!).Sweep(), this, s_sweepPeriod, s_sweepPeriod);
        return AcceptLoopAsync(ct);
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _listener.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex)
            {
                SipLog.TransportError(_logger, "TCP", ex.SocketErrorCode);
                continue;
            }
            try
            {
                Admit(accepted, ct);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The peer was gone before we looked at it.
                accepted.Dispose();
            }
        }
    }

    private void Admit(Socket accepted, CancellationToken ct)
    {
        var remote = ((IPEndPoint)accepted.RemoteEndPoint!).Address;
        string? refusal = null;
        lock (_countLock)
        {
            _perAddress.TryGetValue(remote, out var fromThere);
            if (_connections.Count >= _options.MaxTcpConnections)
            {
                refusal = "total";
            }
            else if (fromThere >= _options.MaxTcpConnectionsPerAddress)
            {
                refusal = "per_address";
            }
            else
            {
                _perAddress[remote] = fromThere + 1;
            }
        }
        if (refusal is not null)
        {
            _metrics.TcpRefused(refusal);
            SipLog.TcpRefused(_logger, (IPEndPoint)accepted.RemoteEndPoint!, refusal);
            // An abortive close (RST): no TIME_WAIT state is left behind for connections we never wanted.
            accepted.LingerState = new LingerOption(true, 0);
            accepted.Dispose();
            return;
        }
        accepted.NoDelay = true;
        var connection = new TcpConnection(accepted, _time, _options.TcpSendQueueBytes, TimeSpan.FromSeconds(_options.TcpSendTimeoutSeconds))
        {
            Dropped = OnDropped,
        };
        _connections[connection] = 0;
        _ = Task.Run(() => ReadLoopAsync(connection, ct), CancellationToken.None);
    }

    private void OnDropped(TcpConnection connection, string reason)
    {
        _metrics.TcpDropped(reason);
        SipLog.TcpDropped(_logger, connection.Remote, reason);
    }

    private async Task ReadLoopAsync(TcpConnection connection, CancellationToken ct)
    {
        using var framer = new SipStreamFramer(_limits);
        try
        {
            while (!ct.IsCancellationRequested && !connection.IsClosed)
            {
                var memory = framer.GetReceiveMemory();
                if (memory.IsEmpty)
                {
                    connection.Drop("too_large");
                    break;
                }
                var read = await connection.Socket.ReceiveAsync(memory, SocketFlags.None, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                var now = _time.GetTimestamp();
                connection.LastActivity = now;
                if (framer.Buffered == 0)
                {
                    connection.MessageStarted = now;
                }
                framer.Advance(read);
                if (!DispatchFramed(connection, framer))
                {
                    break;
                }
                connection.MessageStarted = framer.Buffered == 0 ? 0 : connection.MessageStarted;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never let one connection's surprise escape the loop unobserved.
            SipLog.DispatchFailed(_logger, ex, connection.Remote);
        }
        finally
        {
            Forget(connection);
        }
    }

    /// <summary>Hands every complete message to the dispatcher; false when the connection must close.</summary>
    private bool DispatchFramed(TcpConnection connection, SipStreamFramer framer)
    {
        while (framer.TryRead() is { } parsed)
        {
            // The next message starts now: its own completion time counts from here.
            connection.MessageStarted = _time.GetTimestamp();
            _dispatch(parsed, connection);
            if (parsed.Status == SipParseStatus.Invalid)
            {
                // Framing is lost after a bad message on a stream: close (RFC 3261 §18.3), once the answer is out.
                connection.Close(parsed.TooLarge ? "too_large" : "malformed");
                return false;
            }
        }
        return true;
    }

    private void Forget(TcpConnection connection)
    {
        if (!_connections.TryRemove(connection, out _))
        {
            return;
        }
        connection.Close(null);
        lock (_countLock)
        {
            var remote = connection.Remote.Address;
            if (_perAddress.TryGetValue(remote, out var count))
            {
                if (count <= 1)
                {
                    _perAddress.Remove(remote);
                }
                else
                {
                    _perAddress[remote] = count - 1;
                }
            }
        }
    }

    /// <summary>Closes connections past their message or idle timeout.</summary>
    private void Sweep()
    {
        try
        {
            var messageTimeout = TimeSpan.FromSeconds(_options.TcpMessageTimeoutSeconds);
            var idleTimeout = TimeSpan.FromSeconds(_options.TcpIdleTimeoutSeconds);
            foreach (var connection in _connections.Keys)
            {
                var started = connection.MessageStarted;
                if (started != 0 && _time.GetElapsedTime(started) > messageTimeout)
                {
                    connection.Drop("message_timeout");
                }
                else if (connection.ActiveCalls <= 0 && _time.GetElapsedTime(connection.LastActivity) > idleTimeout)
                {
                    connection.Drop("idle");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.DispatchFailed(_logger, ex, (IPEndPoint)_listener.LocalEndPoint!);
        }
    }

    public void Dispose()
    {
        _sweeper?.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }
    }
}
