namespace ContactCenter.Media.Rtp;

/// <summary>Walks RFC 8285 header extension elements without allocating; offsets are within the block.</summary>
internal static class RtpHeaderExtensions
{
    /// <summary>One-byte form (RFC 8285 §4.2): ID (4 bits), length−1 (4 bits), data. ID 0 is padding; ID 15 stops.</summary>
    public static bool TryFindOneByte(ReadOnlySpan<byte> block, byte id, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        if (id is 0 or >= 15)
        {
            return false;
        }

        int position = 0;
        while (position < block.Length)
        {
            byte b = block[position];
            int elementId = b >> 4;
            if (elementId == 0)
            {
                // A padding byte; its length nibble must be zero but is ignored.
                position++;
                continue;
            }

            if (elementId == 15)
            {
                return false;
            }

            int elementLength = (b & 0x0F) + 1;
            if (position + 1 + elementLength > block.Length)
            {
                return false;
            }

            if (elementId == id)
            {
                offset = position + 1;
                length = elementLength;
                return true;
            }

            position += 1 + elementLength;
        }

        return false;
    }

    /// <summary>Two-byte form (RFC 8285 §4.3): ID byte, length byte, data. ID 0 is a padding byte.</summary>
    public static bool TryFindTwoByte(ReadOnlySpan<byte> block, byte id, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        if (id == 0)
        {
            return false;
        }

        int position = 0;
        while (position < block.Length)
        {
            byte elementId = block[position];
            if (elementId == 0)
            {
                position++;
                continue;
            }

            if (position + 2 > block.Length)
            {
                return false;
            }

            int elementLength = block[position + 1];
            if (position + 2 + elementLength > block.Length)
            {
                return false;
            }

            if (elementId == id)
            {
                offset = position + 2;
                length = elementLength;
                return true;
            }

            position += 2 + elementLength;
        }

        return false;
    }
}
