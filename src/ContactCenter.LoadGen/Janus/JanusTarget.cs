using System.Text.Json.Nodes;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Janus;

/// <summary>
/// Drives Janus's videoroom the way our scenarios drive our SFU: a room per call, each publisher joins with our
/// offer (<c>joinandconfigure</c>), and each receiver gets one subscriber handle per feed it should hear
/// (<c>join ptype=subscriber</c>, answer Janus's offer, <c>start</c>). Janus is full ICE: it is controlling on
/// the subscriber connections it offers, so there we are controlled.
/// </summary>
internal sealed class JanusTarget(string url, LoadStats stats) : ILoadTarget
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly JanusApi _api = new(url);
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private bool _started;
    private long _adminHandle;
    private int _nextStreamId;

    public string Name => "janus";

    public async Task<string> CreateRoomAsync(int members, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken);
        long room = Random.Shared.NextInt64(1, 1L << 50);
        var body = new JsonObject
        {
            ["request"] = "create", ["room"] = room, ["publishers"] = Math.Max(3, members),
            ["audiocodec"] = "opus", ["videocodec"] = "vp8", ["bitrate"] = 0, ["notify_joining"] = false,
        };
        await _api.MessageAsync(_adminHandle, body, null, cancellationToken);
        return room.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<LoadMember> JoinAsync(string room, string label, bool publish, bool video, CancellationToken cancellationToken)
    {
        if (!publish)
        {
            return new LoadMember(label, label);
        }

        long handle = await _api.AttachAsync(cancellationToken);
        var peer = new ClientPeer(label + "/pub", stats);
        uint audioSsrc = (uint)Random.Shared.Next(1, int.MaxValue);
        uint? videoSsrc = video ? (uint)Random.Shared.Next(1, int.MaxValue) : null;
        var body = new JsonObject
        {
            ["request"] = "joinandconfigure", ["room"] = long.Parse(room, System.Globalization.CultureInfo.InvariantCulture),
            ["ptype"] = "publisher", ["display"] = label, ["audio"] = true, ["video"] = video,
        };
        var jsep = new JsonObject { ["type"] = "offer", ["sdp"] = LocalSdp.PublishOffer(peer, audioSsrc, videoSsrc), ["trickle"] = false };
        await _api.MessageAsync(handle, body, jsep, cancellationToken);
        var answer = await _api.WaitForJsepAsync(handle, Timeout);
        long feed = answer["plugindata"]!["data"]!["id"]!.GetValue<long>();
        if (Environment.GetEnvironmentVariable("LOADGEN_DEBUG") is not null)
        {
            Console.Error.WriteLine($"{label}: Janus answer\n{answer["jsep"]!["sdp"]}");
        }

        var remote = RemoteDescription.Parse(answer["jsep"]!["sdp"]!.GetValue<string>(), remoteIsOfferer: false);
        peer.SetRemote(remote.Candidate, remote.IceUfrag, remote.IcePassword, controlling: true);
        await peer.ConnectAsync(remote.LocalRole, remote.Fingerprint, Timeout);

        var member = new LoadMember(feed.ToString(System.Globalization.CultureInfo.InvariantCulture), label) { Publisher = peer };
        member.Streams.Add(new OutboundStream(peer, Interlocked.Increment(ref _nextStreamId), audioSsrc, video: false));
        if (videoSsrc is { } ssrc)
        {
            member.Streams.Add(new OutboundStream(peer, Interlocked.Increment(ref _nextStreamId), ssrc, video: true));
        }

        return member;
    }

    public async Task WireAsync(string room, RoomWiring wiring, IReadOnlyList<LoadMember> members, CancellationToken cancellationToken)
    {
        long roomId = long.Parse(room, System.Globalization.CultureInfo.InvariantCulture);
        for (int i = 0; i < members.Count; i++)
        {
            foreach (int j in Sources(wiring, i, members.Count))
            {
                await SubscribeAsync(roomId, members[i], members[j], cancellationToken);
            }
        }
    }

    /// <summary>Janus's admin API is not enabled in the bench config: its SRTP errors are not readable here.</summary>
    public Task<ServerMediaStats?> ReadServerStatsAsync(CancellationToken cancellationToken) => Task.FromResult<ServerMediaStats?>(null);

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _startGate.Dispose();
    }

    /// <summary>Whom member <paramref name="i"/> receives; whisper as in src/ContactCenter.Core/CallModes/README.md (C←A, A←C+S, S←C+A).</summary>
    internal static IEnumerable<int> Sources(RoomWiring wiring, int i, int count) => wiring switch
    {
        RoomWiring.Whisper => i switch
        {
            0 => [1],
            1 => [0, 2],
            _ => [0, 1],
        },
        RoomWiring.Fanout => i == 0 ? [] : [0],
        _ => Enumerable.Range(0, count).Where(j => j != i),
    };

    private async Task SubscribeAsync(long room, LoadMember receiver, LoadMember source, CancellationToken cancellationToken)
    {
        long handle = await _api.AttachAsync(cancellationToken);
        var body = new JsonObject
        {
            ["request"] = "join", ["room"] = room, ["ptype"] = "subscriber",
            ["feed"] = long.Parse(source.Id, System.Globalization.CultureInfo.InvariantCulture),
        };
        await _api.MessageAsync(handle, body, null, cancellationToken);
        var offerEvent = await _api.WaitForJsepAsync(handle, Timeout);
        string offer = offerEvent["jsep"]!["sdp"]!.GetValue<string>();

        var peer = new ClientPeer($"{receiver.Label}<-{source.Label}", stats);
        receiver.Subscribers.Add(peer);
        var jsep = new JsonObject { ["type"] = "answer", ["sdp"] = LocalSdp.Answer(peer, offer), ["trickle"] = false };
        await _api.MessageAsync(handle, new JsonObject { ["request"] = "start", ["room"] = room }, jsep, cancellationToken);
        var remote = RemoteDescription.Parse(offer, remoteIsOfferer: true);
        peer.SetRemote(remote.Candidate, remote.IceUfrag, remote.IcePassword, controlling: false);
        _ = Task.Run(async () =>
        {
            try
            {
                await peer.ConnectAsync(remote.LocalRole, remote.Fingerprint, Timeout);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"{peer.Name}: subscriber connection failed: {ex.Message}");
            }
        }, CancellationToken.None);
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        await _startGate.WaitAsync(cancellationToken);
        try
        {
            if (!_started)
            {
                await _api.StartAsync(cancellationToken);
                _adminHandle = await _api.AttachAsync(cancellationToken);
                _started = true;
            }
        }
        finally
        {
            _startGate.Release();
        }
    }
}
