using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Stun;

namespace ContactCenter.Media.Tests.Transport;

/// <summary>The browser's side of the media socket in tests: a real UDP socket on 127.0.0.1.</summary>
internal sealed class TestPeerSocket : IDisposable
{
    /// <param name="bind">A loopback address to send from (127.0.0.2 is another client address); 127.0.0.1 when null.</param>
    public TestPeerSocket(IPAddress? bind = null)
    {
        Socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Socket.Bind(new IPEndPoint(bind ?? IPAddress.Loopback, 0));
    }

    public Socket Socket { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

    public void SendTo(ReadOnlySpan<byte> datagram, IPEndPoint server) => Socket.SendTo(datagram, SocketFlags.None, server);

    /// <summary>Receives one datagram, or null after <paramref name="timeout"/>.</summary>
    public async Task<byte[]?> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[2048];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var result = await Socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return buffer.AsSpan(0, result.ReceivedBytes).ToArray();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A Binding request as Chromium sends it: USERNAME, PRIORITY, ICE-CONTROLLING, MI, FINGERPRINT.</summary>
    public static byte[] BindingRequest(string username, byte[] integrityKey, out byte[] transactionId, bool useCandidate = true)
    {
        transactionId = new byte[StunConstants.TransactionIdLength];
        Random.Shared.NextBytes(transactionId);
        var buffer = new byte[512];
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, transactionId);
        writer.AddUsername(System.Text.Encoding.UTF8.GetBytes(username));
        writer.AddUInt32(StunAttributeType.GoogNetworkInfo, 0x00010000);
        writer.AddUInt64(StunAttributeType.IceControlling, 0x1234_5678_9ABC_DEF0);
        if (useCandidate)
        {
            writer.AddFlag(StunAttributeType.UseCandidate);
        }

        writer.AddUInt32(StunAttributeType.Priority, 1853817087);
        if (integrityKey.Length > 0)
        {
            writer.AppendMessageIntegrity(integrityKey);
        }

        int length = writer.AppendFingerprint();
        return buffer.AsSpan(0, length).ToArray();
    }

    public void Dispose() => Socket.Dispose();
}
