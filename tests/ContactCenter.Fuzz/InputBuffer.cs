namespace ContactCenter.Fuzz;

/// <summary>
/// Reads one fuzzer input into a reused buffer. Inputs are capped at <see cref="MaxLength"/>: a UDP datagram
/// is at most 64 KiB, and the SIP stream limit (header + body) is below 1 MiB.
/// </summary>
internal sealed class InputBuffer
{
    public const int MaxLength = 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];

    public ReadOnlySpan<byte> Read(Stream stream)
    {
        int length = 0;
        while (length < MaxLength)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Min(MaxLength, _buffer.Length * 2));
            }

            int read = stream.Read(_buffer, length, _buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return _buffer.AsSpan(0, length);
    }
}
