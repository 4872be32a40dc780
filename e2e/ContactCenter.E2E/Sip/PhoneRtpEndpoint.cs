using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Audio;

namespace ContactCenter.E2E.Sip;

/// <summary>
/// The phone's media end, in place of sipp's: sends 20 ms PCMU packets of a 440 Hz tone to the server's RTP port
/// and keeps every sample it receives (decoded), so the test can measure what the phone hears.
/// </summary>
internal sealed class PhoneRtpEndpoint : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<short> _received = [];
    private readonly List<Task> _loops = [];
    private long _packets;

    public PhoneRtpEndpoint()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loops.Add(Task.Run(ReceiveAsync));
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public long PacketsReceived => Interlocked.Read(ref _packets);

    public int SampleCount
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public short[] SamplesFrom(int start)
    {
        lock (_received)
        {
            return [.. _received.Skip(start)];
        }
    }

    /// <summary>Starts sending the phone's audio to the server's leg.</summary>
    public void StartSending(IPEndPoint server) => _loops.Add(Task.Run(() => SendAsync(server)));

    private async Task SendAsync(IPEndPoint server)
    {
        var packet = new byte[12 + 160];
        ushort sequence = 1;
        uint timestamp = 0;
        long sample = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                packet[0] = 0x80;
                packet[1] = 0; // PCMU
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence++);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x5EED0001);
                timestamp += 160;
                for (int i = 0; i < 160; i++, sample++)
                {
                    packet[12 + i] = G711.EncodeMuLaw((short)(8000 * Math.Sin(2 * Math.PI * 440 * sample / 8000.0)));
                }

                await _socket.SendToAsync(packet, SocketFlags.None, server, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                var length = result.ReceivedBytes;
                if (length < 12 || (buffer[0] >> 6) != 2 || (buffer[1] & 0x7F) != 0)
                {
                    continue;
                }

                int offset = 12 + 4 * (buffer[0] & 0x0F);
                if ((buffer[0] & 0x10) != 0 && length >= offset + 4)
                {
                    offset += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(offset + 2));
                }

                if (offset >= length)
                {
                    continue;
                }

                Interlocked.Increment(ref _packets);
                lock (_received)
                {
                    for (int i = offset; i < length; i++)
                    {
                        _received.Add(G711.DecodeMuLaw(buffer[i]));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }
}
