namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Iterates the packets of a compound RTCP packet (RFC 3550 §6.1) without allocating. Stops at the first
/// packet whose header is invalid or whose length runs past the end, and then reports <see cref="IsMalformed"/>.
/// Usable with <c>foreach</c>.
/// </summary>
public ref struct RtcpCompoundEnumerator
{
    private readonly ReadOnlySpan<byte> _compound;
    private int _offset;
    private ReadOnlySpan<byte> _current;
    private RtcpHeader _header;

    public RtcpCompoundEnumerator(ReadOnlySpan<byte> compound)
    {
        _compound = compound;
        _offset = 0;
        _current = default;
        _header = default;
        IsMalformed = false;
    }

    /// <summary>The current packet, header included.</summary>
    public readonly ReadOnlySpan<byte> Current => _current;

    public readonly RtcpHeader CurrentHeader => _header;

    /// <summary>True when iteration stopped before the end because a packet was malformed.</summary>
    public bool IsMalformed { get; private set; }

    public readonly RtcpCompoundEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_offset >= _compound.Length || IsMalformed)
        {
            _current = default;
            return false;
        }

        var rest = _compound.Slice(_offset);
        if (!RtcpHeader.TryParse(rest, out _header))
        {
            IsMalformed = true;
            _current = default;
            return false;
        }

        _current = rest.Slice(0, _header.PacketLength);
        _offset += _header.PacketLength;
        return true;
    }

    /// <summary>True when every packet of the compound parses and the lengths add up exactly.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> compound)
    {
        if (compound.IsEmpty)
        {
            return false;
        }

        var enumerator = new RtcpCompoundEnumerator(compound);
        while (enumerator.MoveNext())
        {
        }

        return !enumerator.IsMalformed;
    }
}
