using System.Buffers;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// Receive buffer and framing of one SIP TCP connection (RFC 3261 §18.3): messages are cut by Content-Length.
/// The buffer is pooled, starts small and never grows past the message size limit. The header section is only
/// parsed once it has ended, and a message waiting for its body is not parsed again until the body is in, so a
/// message trickling in a byte at a time costs linear work, not a parse per byte.
/// </summary>
internal sealed class SipStreamFramer(SipParserLimits limits) : IDisposable
{
    private const int InitialSize = 4096;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _filled;
    private int _scanned;
    private int _needed;

    /// <summary>Bytes of a message not yet complete.</summary>
    public int Buffered => _filled;

    /// <summary>Room to receive into; empty when the buffer is at the limit (the caller then reads what is framed).</summary>
    public Memory<byte> GetReceiveMemory()
    {
        var max = limits.MaxMessageBytes + 4;
        if (_filled == _buffer.Length && _buffer.Length < max)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(max, _buffer.Length * 2));
            _buffer.AsSpan(0, _filled).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        return _buffer.AsMemory(_filled, Math.Min(_buffer.Length, max) - _filled);
    }

    public void Advance(int count) => _filled += count;

    /// <summary>
    /// The next framed message (Ok or Invalid), or null when more bytes are needed. After an Invalid result the
    /// stream has lost its framing and the connection should be closed.
    /// </summary>
    public SipParseResult? TryRead()
    {
        // Keep-alive CRLFs between messages (RFC 5626 §3.5.1).
        var skip = 0;
        while (skip < _filled && _buffer[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++;
        }
        if (skip > 0)
        {
            Consume(skip);
        }
        if (_filled == 0 || _filled < _needed)
        {
            return null;
        }
        if (_needed == 0)
        {
            // Look for the end of the header section only in the bytes not searched yet.
            var from = Math.Max(0, _scanned - 3);
            var span = _buffer.AsSpan(from, _filled - from);
            if (span.IndexOf("\r\n\r\n"u8) < 0 && span.IndexOf("\n\n"u8) < 0)
            {
                _scanned = _filled;
                if (_filled >= Math.Min(SipParser.MaxHeaderBytes, limits.MaxMessageBytes))
                {
                    return new SipParseResult(SipParseStatus.Invalid, null, _filled, "no end of header section within the size limit") { TooLarge = true };
                }
                return null;
            }
        }
        var parsed = SipParser.ParseStream(_buffer.AsSpan(0, _filled), limits);
        if (parsed.Status == SipParseStatus.Incomplete)
        {
            _needed = Math.Max(parsed.Needed, _filled + 1);
            return null;
        }
        Consume(parsed.Consumed);
        return parsed;
    }

    private void Consume(int count)
    {
        count = Math.Clamp(count, 0, _filled);
        _buffer.AsSpan(count, _filled - count).CopyTo(_buffer);
        _filled -= count;
        _scanned = 0;
        _needed = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _filled = 0;
    }
}
