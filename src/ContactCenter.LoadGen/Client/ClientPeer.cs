using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.LoadGen.Metrics;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Stun;

namespace ContactCenter.LoadGen.Client;

/// <summary>
/// One synthetic WebRTC peer connection: its own loopback address on the shared <see cref="ClientFabric"/> (the
/// server tells peers apart by remote address once ICE is done, so a browser's two connections also use two
/// addresses), full-ICE checks, DTLS in the role the SDP gives, and SRTP both ways. The receive and send paths
/// allocate nothing per packet.
/// </summary>
internal sealed partial class ClientPeer : IDatagramSender, IAsyncDisposable
{
    private readonly ClientFabric _fabric;
    private readonly uint _address;
    private readonly LoadStats _stats;
    private readonly byte[] _sendBuffer = GC.AllocateUninitializedArray<byte>(1500, pinned: true);
    private readonly byte[] _stunBuffer = new byte[512];
    private readonly byte[] _stunReplyBuffer = new byte[512];
    private readonly byte[] _checkTransaction = new byte[StunConstants.TransactionIdLength];
    private readonly Dictionary<int, StreamLossTracker> _trackers = [];
    private readonly Dictionary<uint, ReceivedSsrc> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly DtlsDatagramChannel _dtls;
    private readonly TaskCompletionSource _iceDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _checkLock = new();
    private readonly ulong _tieBreaker = (ulong)Random.Shared.NextInt64();
    private SocketAddress? _remote;
    private byte[] _remotePassword = [];
    private byte[] _checkUsername = [];
    private bool _controlling = true;
    private SrtpSession? _outbound;
    private SrtpSession? _inbound;
    private int _epoch;

    public ClientPeer(string name, LoadStats stats)
    {
        Name = name;
        _stats = stats;
        _fabric = ClientFabric.Shared;
        LocalEndPoint = _fabric.Register(this, out _address);
        _dtls = new DtlsDatagramChannel(this);
    }

    public string Name { get; }

    public IPEndPoint LocalEndPoint { get; }

    public IceCredentials LocalIce { get; } = IceCredentials.Generate();

    public DtlsCertificate Certificate => DtlsCertificate.Shared;

    public bool IsConnected => _inbound is not null;

    /// <summary>Streams this peer receives, by the sender's stream id (read by the summary).</summary>
    public IReadOnlyDictionary<int, StreamLossTracker> Trackers => _trackers;

    /// <summary>What arrived on each SSRC (lock it to enumerate: the receive loop adds new SSRCs).</summary>
    public IReadOnlyDictionary<uint, ReceivedSsrc> ReceivedSsrcs => _received;

    /// <summary>Where to send, and the remote's ICE credentials, from its SDP.</summary>
    public void SetRemote(IPEndPoint remote, string remoteUfrag, string remotePassword, bool controlling)
    {
        _remote = remote.Serialize();
        _remotePassword = Encoding.UTF8.GetBytes(remotePassword);
        _checkUsername = Encoding.UTF8.GetBytes(remoteUfrag + ":" + LocalIce.Ufrag);
        _controlling = controlling;
    }

    /// <summary>ICE checks until one succeeds, then DTLS; afterwards SRTP flows.</summary>
    public async Task ConnectAsync(DtlsRole role, DtlsFingerprint remoteFingerprint, TimeSpan timeout)
    {
        var settings = new DtlsHandshakeSettings(Certificate, remoteFingerprint, DtlsSrtpProfiles.Preferred, timeout);
        Task<DtlsHandshakeResult>? handshake = role == DtlsRole.Server ? DtlsHandshake.RunAsync(role, settings, _dtls) : null;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            while (!_iceDone.Task.IsCompleted)
            {
                SendCheck(useCandidate: _controlling);
                try
                {
                    await _iceDone.Task.WaitAsync(TimeSpan.FromMilliseconds(100), deadline.Token);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"{Name}: no ICE check answered within {timeout.TotalSeconds:0} s.");
                }
            }
        }

        handshake ??= DtlsHandshake.RunAsync(role, settings, _dtls);
        var result = await handshake.WaitAsync(timeout);
        var keys = result.Keys;
        var profile = (SrtpProfile)keys.ProtectionProfile;
        _outbound = new SrtpSession(profile, keys.LocalKey, keys.LocalSalt);
        _inbound = new SrtpSession(profile, keys.RemoteKey, keys.RemoteSalt);
    }

    /// <summary>A binding request (also the consent-freshness check, RFC 7675, every few seconds).</summary>
    public void SendCheck(bool useCandidate)
    {
        if (_remote is null)
        {
            return;
        }

        lock (_checkLock)
        {
            RandomNumberGenerator.Fill(_checkTransaction);
            var writer = new StunWriter(_stunBuffer, StunMessageType.BindingRequest, _checkTransaction);
            writer.AddUsername(_checkUsername);
            writer.AddUInt32(StunAttributeType.Priority, IceCandidateFormatter.HostPriority);
            if (_controlling)
            {
                writer.AddUInt64(StunAttributeType.IceControlling, _tieBreaker);
                if (useCandidate)
                {
                    writer.AddFlag(StunAttributeType.UseCandidate);
                }
            }
            else
            {
                writer.AddUInt64(StunAttributeType.IceControlled, _tieBreaker);
            }

            writer.AppendMessageIntegrity(_remotePassword);
            int length = writer.AppendFingerprint();
            SendDatagram(_stunBuffer.AsSpan(0, length));
        }
    }

    void IDatagramSender.Send(ReadOnlySpan<byte> datagram) => SendDatagram(datagram);

    /// <summary>The next packet's counters start from zero (called after the warm-up).</summary>
    public void ResetTrackers(int epoch) => Volatile.Write(ref _epoch, epoch);

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _dtls.Close();
        _fabric.Unregister(_address);
        _inbound?.Dispose();
        _outbound?.Dispose();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private void SendDatagram(ReadOnlySpan<byte> datagram)
    {
        if (_remote is { } remote)
        {
            _fabric.Send(_address, remote, datagram);
        }
    }
}
