using System.Diagnostics;
using Org.BouncyCastle.Tls;

namespace ContactCenter.Media.Dtls;

/// <summary>
/// Runs one blocking BouncyCastle handshake on its own long-running thread, so that the UDP receive loop
/// never waits on it. The result is the exported SRTP keys; any failure (timeout, bad certificate, alert,
/// closed channel) faults the task.
/// </summary>
internal static class DtlsHandshake
{
    /// <summary>
    /// After the handshake the thread keeps reading for a while, so that a retransmitted final flight from the
    /// remote (our last flight was lost) is answered by BouncyCastle's record layer.
    /// </summary>
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(3);

    public static Task<DtlsHandshakeResult> RunAsync(DtlsRole role, DtlsHandshakeSettings settings, DtlsDatagramChannel channel)
    {
        var completion = new TaskCompletionSource<DtlsHandshakeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(role, settings, channel, completion))
        {
            IsBackground = true,
            Name = role == DtlsRole.Server ? "dtls-server" : "dtls-client",
        };
        thread.Start();
        return completion.Task;
    }

    private static void Run(
        DtlsRole role, DtlsHandshakeSettings settings, DtlsDatagramChannel channel, TaskCompletionSource<DtlsHandshakeResult> completion)
    {
        long started = Stopwatch.GetTimestamp();
        DtlsTransport transport;
        DtlsSrtpKeys? keys;
        DtlsAlertLog alerts;
        try
        {
            if (role == DtlsRole.Server)
            {
                var server = DtlsSrtpServer.Create(settings);
                alerts = server.Alerts;
                transport = new DtlsServerProtocol().Accept(server, channel);
                keys = server.Keys;
            }
            else
            {
                var client = DtlsSrtpClient.Create(settings);
                alerts = client.Alerts;
                transport = new DtlsClientProtocol().Connect(client, channel);
                keys = client.Keys;
            }

            if (keys is null)
            {
                throw new TlsFatalAlert(AlertDescription.internal_error, "No SRTP keys were exported.");
            }
        }
        catch (Exception ex)
        {
            channel.Close();
            completion.TrySetException(ex);
            return;
        }

        var association = new DtlsAssociation(transport, channel, alerts);
        completion.TrySetResult(new DtlsHandshakeResult(keys, Stopwatch.GetElapsedTime(started), association));
        LingerForRetransmits(transport, channel, association);
    }

    private static void LingerForRetransmits(DtlsTransport transport, DtlsDatagramChannel channel, DtlsAssociation association)
    {
        byte[] buffer = new byte[DtlsDatagramChannel.ReceiveLimit];
        long until = Stopwatch.GetTimestamp() + (long)(Linger.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (!channel.IsClosed && Stopwatch.GetTimestamp() < until)
            {
                // Application data is not expected (no SCTP); reading drives retransmission handling.
                transport.Receive(buffer, 0, buffer.Length, 200);
                association.CheckRemoteClosed();
            }
        }
        catch (Exception ex) when (ex is IOException or TlsFatalAlert or ObjectDisposedException)
        {
            // The peer closed or sent an alert after the handshake; the association reports it below.
        }

        // From now on no thread waits here: an alert record is read on demand (DtlsAssociation).
        association.EnterIdle();
    }
}
