using System.Runtime.InteropServices;

namespace ContactCenter.Media.Transport;

/// <summary>
/// The batched datagram calls of Linux (recvmmsg(2), sendmmsg(2)): one system call moves many datagrams, which
/// is where a loopback-bound SFU spends its time (the profile in README "Load"). Layouts are those of 64-bit
/// Linux; <see cref="IsSupported"/> says whether this process may use them.
/// </summary>
internal static unsafe partial class LinuxUdp
{
    /// <summary>recvmmsg: block for the first datagram only, then take what is queued (linux/socket.h).</summary>
    public const int MsgWaitForOne = 0x10000;

    public const int SolSocket = 1;
    public const int SoReusePort = 15;
    public const int SoRcvTimeo = 20;
    public const int SoSndBufForce = 32;
    public const int SoRcvBufForce = 33;
    public const int EIntr = 4;
    public const int EAgain = 11;

    /// <summary>sizeof(struct sockaddr_storage): room for any address the kernel writes back.</summary>
    public const int AddressCapacity = 128;

    public const int IpProtoIp = 0;
    public const int IpPacketInfo = 8;

    /// <summary>Control bytes per datagram: one IP_PKTINFO message (CMSG_SPACE(12) = 32) with room to spare.</summary>
    public const int ControlCapacity = 64;

    private const int ControlHeaderLength = 16; // struct cmsghdr: size_t len, int level, int type
    private const int PacketInfoLength = 12;    // struct in_pktinfo: int ifindex, in_addr spec_dst, in_addr addr

    /// <summary>64-bit Linux only: the structure layouts below are not those of 32-bit processes.</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (56 bytes on 64-bit Linux).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct mmsghdr (64 bytes): a header plus the byte count the kernel reports for it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MultiMessageHeader
    {
        public MessageHeader Header;
        public uint Length;
    }

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int ReceiveMany(int fd, MultiMessageHeader* messages, uint count, int flags, void* timeout);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMany(int fd, MultiMessageHeader* messages, uint count, int flags);

    /// <summary>Writes one IP_PKTINFO control message that sends from <paramref name="source"/>; its length.</summary>
    public static int WritePacketInfo(Span<byte> control, uint source)
    {
        control.Slice(0, ControlHeaderLength + 16).Clear();
        BitConverter.TryWriteBytes(control, (ulong)(ControlHeaderLength + PacketInfoLength)); // CMSG_LEN(12)
        BitConverter.TryWriteBytes(control.Slice(8), IpProtoIp);
        BitConverter.TryWriteBytes(control.Slice(12), IpPacketInfo);
        BitConverter.TryWriteBytes(control.Slice(ControlHeaderLength + 4), source); // ipi_spec_dst: our source
        return ControlHeaderLength + 16; // CMSG_SPACE(12)
    }

    /// <summary>Finds the IP_PKTINFO message among received control messages: the header destination address.</summary>
    public static bool TryReadPacketInfo(ReadOnlySpan<byte> control, out uint destination)
    {
        int offset = 0;
        while (offset + ControlHeaderLength <= control.Length)
        {
            int length = (int)BitConverter.ToUInt64(control.Slice(offset));
            if (length < ControlHeaderLength || offset + length > control.Length)
            {
                break;
            }

            if (BitConverter.ToInt32(control.Slice(offset + 8)) == IpProtoIp
                && BitConverter.ToInt32(control.Slice(offset + 12)) == IpPacketInfo
                && length >= ControlHeaderLength + PacketInfoLength)
            {
                destination = BitConverter.ToUInt32(control.Slice(offset + ControlHeaderLength + 8)); // ipi_addr
                return true;
            }

            offset += (length + 7) & ~7; // CMSG_ALIGN
        }

        destination = 0;
        return false;
    }

    /// <summary>
    /// Sets both socket buffers to <paramref name="bytes"/>: with SO_RCVBUFFORCE/SO_SNDBUFFORCE when the process may
    /// (CAP_NET_ADMIN), which passes net.core.rmem_max; otherwise as far as the ordinary options allow.
    /// A large receive buffer rides out the moments the receive thread is not scheduled.
    /// </summary>
    public static void SetBuffers(System.Net.Sockets.Socket socket, int bytes)
    {
        socket.ReceiveBufferSize = bytes;
        socket.SendBufferSize = bytes;
        if (!IsSupported)
        {
            return;
        }

        try
        {
            socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(bytes));
            socket.SetRawSocketOption(SolSocket, SoSndBufForce, BitConverter.GetBytes(bytes));
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Not privileged: keep what SO_RCVBUF/SO_SNDBUF gave (capped by net.core.rmem_max/wmem_max).
        }
    }

    /// <summary>struct timeval for SO_RCVTIMEO: a blocked receive wakes this often to notice a stop.</summary>
    public static byte[] TimeVal(TimeSpan value)
    {
        var bytes = new byte[16];
        long micros = (long)(value.TotalMilliseconds * 1000);
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), micros / 1_000_000);
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), micros % 1_000_000);
        return bytes;
    }
}
