namespace ContactCenter.Media.Dtls;

/// <summary>Two <see cref="DtlsDatagramChannel"/>s wired back to back: for the warm-up and for tests.</summary>
internal sealed class InMemoryDatagramPair : IDisposable
{
    public InMemoryDatagramPair()
    {
        var toB = new Forwarder();
        var toA = new Forwarder();
        A = new DtlsDatagramChannel(toB);
        B = new DtlsDatagramChannel(toA);
        toB.Target = B;
        toA.Target = A;
    }

    public DtlsDatagramChannel A { get; }

    public DtlsDatagramChannel B { get; }

    /// <summary>Closes both ends.</summary>
    public void Dispose()
    {
        A.Close();
        B.Close();
    }

    private sealed class Forwarder : IDatagramSender
    {
        public DtlsDatagramChannel? Target { get; set; }

        public void Send(ReadOnlySpan<byte> datagram) => Target?.Enqueue(datagram);
    }
}
