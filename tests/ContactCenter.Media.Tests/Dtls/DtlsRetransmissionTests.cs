using ContactCenter.Media.Dtls;

namespace ContactCenter.Media.Tests.Dtls;

public sealed class DtlsRetransmissionTests
{
    [Fact]
    public async Task RunAsync_FirstFlightsLost_RetransmitsAndCompletes()
    {
        var serverCert = DtlsCertificate.Generate("server");
        var clientCert = DtlsCertificate.Generate("client");
        var toServer = new LossySender(dropFirst: 1);
        var toClient = new LossySender(dropFirst: 2);
        var server = new DtlsDatagramChannel(toClient);
        var client = new DtlsDatagramChannel(toServer);
        toServer.Target = server;
        toClient.Target = client;
        var timeout = TimeSpan.FromSeconds(20);

        var results = await Task.WhenAll(
            DtlsHandshake.RunAsync(DtlsRole.Server, new(serverCert, clientCert.Fingerprint, DtlsSrtpProfiles.Preferred, timeout), server),
            DtlsHandshake.RunAsync(DtlsRole.Client, new(clientCert, serverCert.Fingerprint, DtlsSrtpProfiles.Preferred, timeout), client))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(results[0].Keys.ClientKey, results[1].Keys.ClientKey);
        Assert.True(toServer.Dropped == 1 && toClient.Dropped == 2);
        server.Close();
        client.Close();
    }

    [Fact]
    public void Receive_NothingQueued_ReturnsMinusOneAfterWait()
    {
        var channel = new DtlsDatagramChannel(new LossySender(0));

        Assert.Equal(-1, channel.Receive(new byte[100], 0, 100, 20));
        Assert.Equal(-1, channel.Receive(new byte[100].AsSpan(), 20));
    }

    [Fact]
    public void Enqueue_OversizedOrClosed_Dropped()
    {
        var channel = new DtlsDatagramChannel(new LossySender(0));

        Assert.False(channel.Enqueue(new byte[DtlsDatagramChannel.ReceiveLimit + 1]));
        Assert.True(channel.Enqueue(new byte[DtlsDatagramChannel.ReceiveLimit]));
        channel.Close();
        Assert.False(channel.Enqueue(new byte[10]));
        Assert.Equal(2, channel.Dropped);
        Assert.Throws<IOException>(() => channel.Receive(new byte[10].AsSpan(), 10));
    }

    [Fact]
    public void Enqueue_QueueFull_DropsInsteadOfBlocking()
    {
        var channel = new DtlsDatagramChannel(new LossySender(0));
        int accepted = 0;
        for (int i = 0; i < 1000; i++)
        {
            accepted += channel.Enqueue(new byte[100]) ? 1 : 0;
        }

        Assert.InRange(accepted, 1, 999);
        Assert.Equal(1000 - accepted, channel.Dropped);
        channel.Close();
    }

    private sealed class LossySender(int dropFirst) : IDatagramSender
    {
        private int _sent;

        public DtlsDatagramChannel? Target { get; set; }

        public int Dropped { get; private set; }

        public void Send(ReadOnlySpan<byte> datagram)
        {
            if (Interlocked.Increment(ref _sent) <= dropFirst)
            {
                Dropped++;
                return;
            }

            Target?.Enqueue(datagram);
        }
    }
}
