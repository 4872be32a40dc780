using System.Buffers.Binary;
using System.Security.Cryptography;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

/// <summary>Builds plain RTP/RTCP packets with room for SRTP overhead, and sender/receiver pairs.</summary>
internal static class SrtpTestPackets
{
    public static TheoryData<SrtpProfile> Profiles => new() { SrtpProfile.AesCm128HmacSha1_80, SrtpProfile.AeadAes128Gcm };

    /// <summary>A sender and a receiver context sharing a random master key and salt.</summary>
    public static (SrtpSession Sender, SrtpSession Receiver) Pair(SrtpProfile profile)
    {
        var key = RandomNumberGenerator.GetBytes(SrtpProfiles.KeyLength(profile));
        var salt = RandomNumberGenerator.GetBytes(SrtpProfiles.SaltLength(profile));
        return (new SrtpSession(profile, key, salt), new SrtpSession(profile, key, salt));
    }

    /// <summary>Unprotects a copy, leaving the stored packet intact for later replays.</summary>
    public static bool Unprotect(SrtpSession receiver, byte[] protectedBytes)
    {
        var copy = (byte[])protectedBytes.Clone();
        return receiver.TryUnprotectRtp(copy, copy.Length, out _);
    }

    public readonly record struct Packet(byte[] Buffer, int Length)
    {
        public byte[] Plain => Buffer[..Length];
    }

    public static Packet Rtp(
        ushort sequence, uint ssrc, int payloadLength, int csrcCount = 0, bool extension = false, byte payloadType = 111)
    {
        int extensionLength = extension ? 4 + 8 : 0;
        int headerLength = 12 + 4 * csrcCount + extensionLength;
        var buffer = new byte[headerLength + payloadLength + 64];
        buffer[0] = (byte)(0x80 | (extension ? 0x10 : 0) | csrcCount);
        buffer[1] = payloadType;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), sequence * 960u);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8), ssrc);
        for (int i = 0; i < csrcCount; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(12 + 4 * i), 0xC0000000u + (uint)i);
        }

        if (extension)
        {
            int at = 12 + 4 * csrcCount;
            // One-byte form: id 1 (mid "0"), id 3 (3-byte abs-send-time), padding.
            buffer[at] = 0xBE;
            buffer[at + 1] = 0xDE;
            buffer[at + 3] = 2;
            buffer[at + 4] = 0x10;
            buffer[at + 5] = (byte)'0';
            buffer[at + 6] = 0x32;
            buffer[at + 7] = 0xAA;
            buffer[at + 8] = 0xBB;
            buffer[at + 9] = 0xCC;
        }

        for (int i = 0; i < payloadLength; i++)
        {
            buffer[headerLength + i] = (byte)(i * 7 + sequence);
        }

        return new Packet(buffer, headerLength + payloadLength);
    }

    /// <summary>A compound SR (no report blocks) followed by an SDES-like body.</summary>
    public static Packet Rtcp(uint ssrc, int extraWords = 4)
    {
        int length = 28 + 4 * extraWords;
        var buffer = new byte[length + 64];
        buffer[0] = 0x80;
        buffer[1] = 200;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), 6);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), ssrc);
        for (int i = 8; i < 28; i++)
        {
            buffer[i] = (byte)i;
        }

        buffer[28] = 0x81;
        buffer[29] = 202;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(30), (ushort)(extraWords - 1));
        for (int i = 32; i < length; i++)
        {
            buffer[i] = (byte)(i * 3);
        }

        return new Packet(buffer, length);
    }
}
