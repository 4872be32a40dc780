using System.Net;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.Transport;

/// <summary>
/// A fixed set of datagram slots with the mmsghdr and iovec arrays that describe them, for one
/// <see cref="LinuxUdp.ReceiveMany"/> or <see cref="LinuxUdp.SendMany"/> call. Slots and addresses live in
/// pinned arrays and the headers in native memory, all allocated once: nothing is allocated per datagram.
/// Owned by one thread.
/// </summary>
internal sealed unsafe class DatagramBatch : IDisposable
{
    private readonly byte[] _slots;
    private readonly byte[] _addresses;
    private readonly byte[]? _control;
    private readonly int _slotLength;
    private LinuxUdp.MultiMessageHeader* _headers;
    private LinuxUdp.IoVec* _vectors;

    /// <param name="capacity">Datagrams per system call.</param>
    /// <param name="slotLength">Largest datagram.</param>
    /// <param name="packetInfo">
    /// Carry IPv4 IP_PKTINFO per datagram: the local address a datagram was sent to (receive; the socket needs
    /// IP_PKTINFO on) or is to be sent from (send). One socket on INADDR_ANY can then act as many addresses.
    /// </param>
    public DatagramBatch(int capacity, int slotLength, bool packetInfo = false)
    {
        Capacity = capacity;
        _slotLength = slotLength;
        _slots = GC.AllocateUninitializedArray<byte>(capacity * slotLength, pinned: true);
        _addresses = GC.AllocateArray<byte>(capacity * LinuxUdp.AddressCapacity, pinned: true);
        _control = packetInfo ? GC.AllocateArray<byte>(capacity * LinuxUdp.ControlCapacity, pinned: true) : null;
        _headers = (LinuxUdp.MultiMessageHeader*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(LinuxUdp.MultiMessageHeader));
        _vectors = (LinuxUdp.IoVec*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(LinuxUdp.IoVec));
        fixed (byte* slots = _slots)
        fixed (byte* addresses = _addresses)
        {
            for (int i = 0; i < capacity; i++)
            {
                _vectors[i].Base = slots + (i * slotLength);
                _headers[i].Header.Iov = &_vectors[i];
                _headers[i].Header.IovLength = 1;
                _headers[i].Header.Name = addresses + (i * LinuxUdp.AddressCapacity);
            }
        }

        if (_control is not null)
        {
            fixed (byte* control = _control)
            {
                for (int i = 0; i < capacity; i++)
                {
                    _headers[i].Header.Control = control + (i * LinuxUdp.ControlCapacity);
                }
            }
        }
    }

    public int Capacity { get; }

    /// <summary>Datagrams queued for sending, or received by the last <see cref="Receive"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The whole writable slot of datagram <paramref name="index"/> (SRTP works in place and grows).</summary>
    public Span<byte> Slot(int index) => _slots.AsSpan(index * _slotLength, _slotLength);

    /// <summary>Byte count of received datagram <paramref name="index"/>.</summary>
    public int Length(int index) => (int)_headers[index].Length;

    /// <summary>Copies the sender of received datagram <paramref name="index"/> into <paramref name="into"/>.</summary>
    public void CopyAddress(int index, SocketAddress into)
    {
        int length = Math.Min((int)_headers[index].Header.NameLength, into.Buffer.Length);
        _addresses.AsSpan(index * LinuxUdp.AddressCapacity, length).CopyTo(into.Buffer.Span);
        into.Size = length;
    }

    /// <summary>
    /// Blocks until at least one datagram arrives (or SO_RCVTIMEO passes), then takes every queued one up to
    /// <see cref="Capacity"/>. Returns the count, 0 on a timeout or an interrupted call, or -errno.
    /// </summary>
    public int Receive(int fd)
    {
        for (int i = 0; i < Capacity; i++)
        {
            _vectors[i].Length = (nuint)_slotLength;
            _headers[i].Header.NameLength = LinuxUdp.AddressCapacity;
            _headers[i].Header.Flags = 0;
            if (_control is not null)
            {
                _headers[i].Header.ControlLength = LinuxUdp.ControlCapacity;
            }
        }

        int received = LinuxUdp.ReceiveMany(fd, _headers, (uint)Capacity, LinuxUdp.MsgWaitForOne, null);
        if (received < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Count = 0;
            return errno is LinuxUdp.EAgain or LinuxUdp.EIntr ? 0 : -errno;
        }

        Count = received;
        return received;
    }

    /// <summary>
    /// The local IPv4 address received datagram <paramref name="index"/> was sent to, as it is in the packet
    /// (network byte order read as a little-endian word); 0 when the batch has no packet info or none came.
    /// </summary>
    public uint DestinationAddress(int index)
    {
        if (_control is null)
        {
            return 0;
        }

        var control = _control.AsSpan(index * LinuxUdp.ControlCapacity, (int)Math.Min(_headers[index].Header.ControlLength, LinuxUdp.ControlCapacity));
        return LinuxUdp.TryReadPacketInfo(control, out uint address) ? address : 0;
    }

    /// <summary>Queues a copy of <paramref name="datagram"/> for <paramref name="remote"/>; false when full.</summary>
    public bool TryAdd(ReadOnlySpan<byte> datagram, SocketAddress remote) => TryAdd(datagram, remote, 0);

    /// <summary>
    /// As <see cref="TryAdd(ReadOnlySpan{byte}, SocketAddress)"/>, sent from local IPv4 address
    /// <paramref name="source"/> (network byte order as a little-endian word; needs packet info; 0: the socket's).
    /// </summary>
    public bool TryAdd(ReadOnlySpan<byte> datagram, SocketAddress remote, uint source)
    {
        if (datagram.Length > _slotLength)
        {
            return false;
        }

        var slot = Reserve();
        if (slot.IsEmpty)
        {
            return false;
        }

        datagram.CopyTo(slot);
        return Commit(datagram.Length, remote, source);
    }

    /// <summary>
    /// The next free slot, to write a datagram into in place (then <see cref="Commit"/> it); empty when full.
    /// Saves a copy when the datagram is built (e.g. SRTP-protected) right where it will be sent from.
    /// </summary>
    public Span<byte> Reserve() => Count == Capacity ? [] : Slot(Count);

    /// <summary>Queues the <paramref name="length"/> bytes written into the <see cref="Reserve"/>d slot.</summary>
    public bool Commit(int length, SocketAddress remote, uint source = 0)
    {
        if (Count == Capacity || (uint)length > (uint)_slotLength || remote.Size > LinuxUdp.AddressCapacity)
        {
            return false;
        }

        int index = Count++;
        _vectors[index].Length = (nuint)length;
        remote.Buffer.Span.Slice(0, remote.Size).CopyTo(_addresses.AsSpan(index * LinuxUdp.AddressCapacity));
        _headers[index].Header.NameLength = (uint)remote.Size;
        if (_control is not null)
        {
            _headers[index].Header.ControlLength = source == 0
                ? 0
                : (nuint)LinuxUdp.WritePacketInfo(_control.AsSpan(index * LinuxUdp.ControlCapacity, LinuxUdp.ControlCapacity), source);
        }

        return true;
    }

    /// <summary>
    /// Sends every queued datagram with as few calls as the kernel allows. A datagram the kernel refuses is
    /// counted in <paramref name="failed"/> and skipped; the rest still go. Empties the batch.
    /// </summary>
    public void Flush(int fd, out int failed)
    {
        failed = 0;
        int next = 0;
        while (next < Count)
        {
            int sent = LinuxUdp.SendMany(fd, _headers + next, (uint)(Count - next), 0);
            if (sent > 0)
            {
                next += sent;
                continue;
            }

            if (sent < 0 && Marshal.GetLastPInvokeError() == LinuxUdp.EIntr)
            {
                continue;
            }

            failed++; // the datagram at `next` was refused (e.g. unreachable, too large): skip it
            next++;
        }

        Count = 0;
    }

    public void Dispose()
    {
        if (_headers is not null)
        {
            NativeMemory.Free(_headers);
            NativeMemory.Free(_vectors);
            _headers = null;
            _vectors = null;
        }
    }
}
