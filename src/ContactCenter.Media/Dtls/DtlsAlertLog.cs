namespace ContactCenter.Media.Dtls;

/// <summary>
/// The first alert the remote sent on an association, as BouncyCastle reports it after the record authenticated
/// (so a forged datagram from the remote's address cannot set it).
/// </summary>
internal sealed class DtlsAlertLog
{
    private int _received = -1;

    /// <summary>(level &lt;&lt; 8) | description of the first alert received, or -1.</summary>
    public int Received => Volatile.Read(ref _received);

    public void Record(short level, short description) =>
        Interlocked.CompareExchange(ref _received, (level << 8) | (description & 0xFF), -1);
}
