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
    public const int EIntr = 4;
    public const int EAgain = 11;

    /// <summary>sizeof(struct sockaddr_storage): room for any address the kernel writes back.</summary>
    public const int AddressCapacity = 128;

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
