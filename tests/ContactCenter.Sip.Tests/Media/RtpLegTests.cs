using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Media;

public sealed class RtpLegTests : IAsyncDisposable
{
    private static readonly SdpNegotiation s_pcma = new(G711Codec.Pcma, 8, 101, RtcpMux: false);
    private readonly Socket _phone = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly List<string> _sunk = [];
    private RtpLeg? _leg;

    public RtpLegTests() => _phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    private sealed class Sink(List<string> log) : IPhoneMediaSink
    {
        public void OnPhoneRtp(string legId, ReadOnlySpan<byte> rtpPacket)
        {
            lock (log)
            {
                log.Add(legId + ":" + rtpPacket.Length);
            }
        }
    }

    private RtpLeg CreateLeg(TimeProvider time, TimeSpan timeout, IPEndPoint? offered = null, bool symmetric = true)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _leg = new RtpLeg("leg1", socket, null, offered, s_pcma, time, timeout, new Sink(_sunk), NullLogger.Instance) { Symmetric = symmetric };
        return _leg;
    }

    private static Socket LoopbackSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static void SendFrom(Socket from, RtpLeg leg, ushort seq, uint ssrc)
    {
        var packet = new byte[12 + 160];
        RtpPacket.WriteHeader(packet, false, 8, seq, seq * 160u, ssrc);
        from.SendTo(packet, new IPEndPoint(IPAddress.Loopback, leg.LocalPort));
    }

    [Fact]
    public async Task SendAudio_SymmetricOff_KeepsSendingToTheSdpAddress()
    {
        using var sdpTarget = LoopbackSocket();
        var leg = CreateLeg(TimeProvider.System, TimeSpan.Zero, (IPEndPoint)sdpTarget.LocalEndPoint!, symmetric: false);
        leg.Start();
        SendFromPhone(leg, 8, 1, 0, new byte[160]);
        Assert.True(await Wait.UntilAsync(() => leg.PacketsReceived == 1));

        leg.SendAudio(new byte[160]);

        var n = sdpTarget.Receive(new byte[2048]);
        Assert.Equal(12 + 160, n);
        Assert.Equal(sdpTarget.LocalEndPoint, leg.RemoteEndPoint);
    }

    [Fact]
    public async Task Receive_AnotherSsrcFromAnotherAddress_DoesNotMoveTheTarget()
    {
        using var stray = LoopbackSocket();
        var leg = CreateLeg(TimeProvider.System, TimeSpan.Zero, new IPEndPoint(IPAddress.Loopback, 9));
        leg.Start();
        SendFromPhone(leg, 8, 1, 0, new byte[160]);
        Assert.True(await Wait.UntilAsync(() => leg.PacketsReceived == 1));

        SendFrom(stray, leg, 2, 0xBEEF);
        Assert.True(await Wait.UntilAsync(() => leg.PacketsReceived == 2));

        Assert.Equal(_phone.LocalEndPoint, leg.RemoteEndPoint);
    }

    [Fact]
    public async Task Receive_SameSsrcFromANewAddress_FollowsTheRebinding()
    {
        using var rebound = LoopbackSocket();
        var leg = CreateLeg(TimeProvider.System, TimeSpan.Zero, new IPEndPoint(IPAddress.Loopback, 9));
        leg.Start();
        SendFromPhone(leg, 8, 1, 0, new byte[160]);
        Assert.True(await Wait.UntilAsync(() => leg.PacketsReceived == 1));

        SendFrom(rebound, leg, 2, 0xCAFE);
        Assert.True(await Wait.UntilAsync(() => leg.PacketsReceived == 2));

        Assert.Equal(rebound.LocalEndPoint, leg.RemoteEndPoint);
    }

    private void SendFromPhone(RtpLeg leg, byte pt, ushort seq, uint ts, byte[] payload, bool marker = false)
    {
        var packet = new byte[12 + payload.Length];
        RtpPacket.WriteHeader(packet, marker, pt, seq, ts, 0xCAFE);
        payload.CopyTo(packet, 12);
        _phone.SendTo(packet, new IPEndPoint(IPAddress.Loopback, leg.LocalPort));
    }

    [Fact]
    public async Task Receive_AudioAndDtmf_CountsDecodesForwardsAndRaisesDigits()
    {
        var leg = CreateLeg(TimeProvider.System, TimeSpan.Zero);
        var digits = new List<char>();
        leg.DtmfReceived += (_, d, _) => { lock (digits) { digits.Add(d); } };
        leg.Start();
        var loud = Enumerable.Repeat(ContactCenter.Sip.Audio.G711.EncodeALaw(8000), 160).ToArray();

        for (ushort i = 0; i < 5; i++)
        {
            SendFromPhone(leg, 8, i, i * 160u, loud);
        }
        foreach (var end in new[] { false, true, true, true })
        {
            SendFromPhone(leg, 101, 10, 5000, [7, (byte)(end ? 0x8A : 0x0A), 3, 0x20]);
        }

        Assert.True(await Wait.UntilAsync(() => leg.PacketsReceived == 5 && leg.DtmfPacketsReceived == 4));
        Assert.InRange(leg.AverageAbsoluteAmplitude, 7000, 9000);
        Assert.Equal(['7'], digits);
        Assert.Equal(5, _sunk.Count);
        Assert.All(_sunk, s => Assert.Equal("leg1:172", s));
    }

    [Fact]
    public async Task SendAudio_AfterPhoneSpoke_GoesToItsSourceWithSequenceTimestampAndMarker()
    {
        var leg = CreateLeg(TimeProvider.System, TimeSpan.Zero, new IPEndPoint(IPAddress.Loopback, 9));
        leg.Start();
        SendFromPhone(leg, 8, 1, 0, new byte[160]);
        Assert.True(await Wait.UntilAsync(() => leg.PacketsReceived == 1));

        leg.SendAudio(new byte[160]);
        leg.SendAudio(new byte[160]);
        leg.SkipAudio(160);
        leg.SendAudio(new byte[160]);

        var packets = new List<RtpPacket>();
        var buffer = new byte[2048];
        _phone.ReceiveTimeout = 5000;
        for (var i = 0; i < 3; i++)
        {
            var n = _phone.Receive(buffer);
            Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, n), out var p));
            Assert.Equal(160, p.PayloadLength);
            packets.Add(p);
        }
        Assert.Equal([true, false, true], packets.Select(p => p.Marker));
        Assert.All(packets, p => Assert.Equal((byte)8, p.PayloadType));
        Assert.All(packets, p => Assert.Equal(leg.Ssrc, p.Ssrc));
        Assert.Equal((ushort)(packets[0].SequenceNumber + 1), packets[1].SequenceNumber);
        Assert.Equal((ushort)(packets[0].SequenceNumber + 2), packets[2].SequenceNumber);
        Assert.Equal(packets[0].Timestamp + 160, packets[1].Timestamp);
        Assert.Equal(packets[0].Timestamp + 480, packets[2].Timestamp);
        Assert.Equal(3, leg.PacketsSent);
    }

    [Fact]
    public void SendAudio_OnHold_SendsNothing()
    {
        var leg = CreateLeg(TimeProvider.System, TimeSpan.Zero, (IPEndPoint)_phone.LocalEndPoint!);
        leg.Update(MediaDirection.RecvOnly, null, s_pcma);

        leg.SendAudio(new byte[160]);

        Assert.Equal(0, leg.PacketsSent);
    }

    [Fact]
    public async Task NoRtp_BeyondTimeout_EndsLegOnce()
    {
        var time = new FakeTimeProvider();
        var leg = CreateLeg(time, TimeSpan.FromSeconds(10));
        var reasons = new List<RtpLegEndReason>();
        leg.Ended += (_, r) => reasons.Add(r);
        leg.Start();

        time.Step(TimeSpan.FromSeconds(9));
        Assert.Empty(reasons);
        time.Step(TimeSpan.FromSeconds(2));

        Assert.Equal([RtpLegEndReason.NoRtpTimeout], reasons);
        await leg.DisposeAsync();
        Assert.Single(reasons);
    }

    [Fact]
    public void NoRtp_WhileInactiveHold_DoesNotEndLeg()
    {
        var time = new FakeTimeProvider();
        var leg = CreateLeg(time, TimeSpan.FromSeconds(10));
        var ended = false;
        leg.Ended += (_, _) => ended = true;
        leg.Start();
        leg.Update(MediaDirection.Inactive, null, s_pcma);

        time.Step(TimeSpan.FromSeconds(30));

        Assert.False(ended);
    }

    public async ValueTask DisposeAsync()
    {
        if (_leg is not null)
        {
            await _leg.DisposeAsync();
        }
        _phone.Dispose();
    }
}
