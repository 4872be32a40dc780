using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.LoadGen.Ours;

/// <summary>
/// Drives our server as the 3PCC and the browser SDK would: REST (HTTP Basic) creates sessions and participants
/// and sets subscriptions or the call mode; each member signals over <c>/hubs/rtc</c> with its token.
/// </summary>
internal sealed class OursTarget : ILoadTarget
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly LoadStats _stats;
    private readonly List<HubConnection> _hubs = [];
    private readonly List<Task> _subscribeConnects = [];
    private int _nextStreamId;

    public OursTarget(string baseUrl, string account, string user, string password, LoadStats stats)
    {
        _baseUrl = baseUrl.TrimEnd('/');
        _stats = stats;
        _http = new HttpClient { BaseAddress = new Uri(_baseUrl + "/v1/accounts/" + Uri.EscapeDataString(account) + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
    }

    public string Name => "ours";

    /// <summary>Receive-side connections still connecting (or failed), for the scenario to await.</summary>
    public IReadOnlyList<Task> SubscribeConnects
    {
        get
        {
            lock (_subscribeConnects)
            {
                return [.. _subscribeConnects];
            }
        }
    }

    public async Task<string> CreateRoomAsync(int members, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("sessions", new CreateSessionRequest("loadgen"), cancellationToken);
        await EnsureAsync(response, "create session");
        var session = await response.Content.ReadFromJsonAsync<SessionRef>(cancellationToken);
        return session!.Id;
    }

    public async Task<LoadMember> JoinAsync(string room, string label, bool publish, bool video, CancellationToken cancellationToken)
    {
        string[] permissions = video ? ["AUDIO", "VIDEO"] : ["AUDIO"];
        using var created = await _http.PostAsJsonAsync("participants", new CreateParticipantRequest(permissions, label), cancellationToken);
        await EnsureAsync(created, "create participant");
        var participant = (await created.Content.ReadFromJsonAsync<CreateParticipantResponse>(cancellationToken))!;
        using var joined = await _http.PutAsync($"sessions/{room}/participants/{participant.Participant.Id}", null, cancellationToken);
        await EnsureAsync(joined, "join session");

        var member = new LoadMember(participant.Participant.Id, label);
        var builder = new HubConnectionBuilder()
            .WithUrl(_baseUrl + "/hubs/rtc", o => o.AccessTokenProvider = () => Task.FromResult<string?>(participant.Token));
        if (Environment.GetEnvironmentVariable("LOADGEN_DEBUG") is not null)
        {
            builder.Services.AddLogging(logging => logging.AddProvider(new StderrLoggerProvider()));
        }

        var hub = builder.Build();
        member.TargetState = new MemberState(hub);
        member.Subscribers.Add(new ClientPeer(label + "/sub", _stats));
        // Typed hub clients send the interface's name ("Offer"); the JS SDK matches without case. Listen to both
        // spellings and drop a revision already answered, whichever way this client library compares names.
        hub.On<SdpOfferMessage>("Offer", offer => OnOffer(hub, member, offer));
        hub.On<SdpOfferMessage>("offer", offer => OnOffer(hub, member, offer));
        lock (_hubs)
        {
            _hubs.Add(hub);
        }

        await hub.StartAsync(cancellationToken);
        await hub.InvokeAsync<object>("Connect", cancellationToken);
        if (publish)
        {
            await PublishAsync(hub, member, video, cancellationToken);
        }

        return member;
    }

    public async Task WireAsync(string room, RoomWiring wiring, IReadOnlyList<LoadMember> members, CancellationToken cancellationToken)
    {
        if (wiring == RoomWiring.Whisper)
        {
            var mode = new ModeRequest("whisper", [members[2].Id], [members[1].Id], [members[0].Id]);
            using var response = await _http.PutAsJsonAsync($"sessions/{room}/mode", mode, cancellationToken);
            await EnsureAsync(response, "set whisper mode");
            return;
        }

        for (int i = 0; i < members.Count; i++)
        {
            var body = wiring == RoomWiring.FullyWired
                ? new SubscriptionsBody(room, null)
                : new SubscriptionsBody(room, i == 0 ? [] : [new SubscriptionTarget(members[0].Id)]);
            if (wiring == RoomWiring.Fanout && i == 0)
            {
                continue;
            }

            using var response = await _http.PutAsJsonAsync(
                $"sessions/{room}/participants/{members[i].Id}/subscriptions", body, cancellationToken);
            await EnsureAsync(response, "set subscriptions");
        }
    }

    /// <summary>PUT /mode on a whisper-wired call (members: customer, agent, supervisor); returns the round trip in ms.</summary>
    public async Task<double> SetModeAsync(string room, string mode, IReadOnlyList<LoadMember> members, CancellationToken cancellationToken)
    {
        var body = new ModeRequest(mode, [members[2].Id], [members[1].Id], [members[0].Id]);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await _http.PutAsJsonAsync($"sessions/{room}/mode", body, cancellationToken);
        double ms = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await EnsureAsync(response, "set mode " + mode);
        return ms;
    }

    /// <summary>
    /// Ends a call as a contact center does when it hangs up: <c>DELETE</c> the session, then close the members'
    /// signaling connections. The caller stops their streams before and disposes their peers after.
    /// </summary>
    public async Task EndCallAsync(string room, IReadOnlyList<LoadMember> members, CancellationToken cancellationToken)
    {
        using (var response = await _http.DeleteAsync($"sessions/{room}", cancellationToken))
        {
            await EnsureAsync(response, "delete session");
        }

        foreach (var member in members)
        {
            if (member.TargetState is MemberState { Hub: var hub })
            {
                lock (_hubs)
                {
                    _hubs.Remove(hub);
                }

                await hub.DisposeAsync();
            }
        }
    }

    /// <summary><c>GET /v1/media/stats</c> with the same credential; null when the server does not answer 200.</summary>
    public async Task<ServerMediaStats?> ReadServerStatsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_baseUrl + "/v1/media/stats"), cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<ServerMediaStats>(cancellationToken)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        HubConnection[] hubs;
        lock (_hubs)
        {
            hubs = [.. _hubs];
        }

        foreach (var hub in hubs)
        {
            try
            {
                await hub.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Shutting down: a hub that already failed has nothing to clean.
            }
        }

        _http.Dispose();
    }

    private async Task PublishAsync(HubConnection hub, LoadMember member, bool video, CancellationToken cancellationToken)
    {
        var peer = new ClientPeer(member.Label + "/pub", _stats);
        member.Publisher = peer;
        uint audioSsrc = (uint)Random.Shared.Next(1, int.MaxValue);
        uint? videoSsrc = video ? (uint)Random.Shared.Next(1, int.MaxValue) : null;
        string offer = LocalSdp.PublishOffer(peer, audioSsrc, videoSsrc);
        PublishStreamDto[] streams = video
            ? [new("0", "microphone"), new("1", "camera")]
            : [new("0", "microphone")];
        var result = await hub.InvokeAsync<PublishResult>("Publish", new PublishRequest(offer, streams), cancellationToken);
        var remote = RemoteDescription.Parse(result.Sdp, remoteIsOfferer: false);
        peer.SetRemote(remote.Candidate, remote.IceUfrag, remote.IcePassword, controlling: true);
        await peer.ConnectAsync(remote.LocalRole, remote.Fingerprint, ConnectTimeout);
        member.Streams.Add(new OutboundStream(peer, Interlocked.Increment(ref _nextStreamId), audioSsrc, video: false));
        if (videoSsrc is { } ssrc)
        {
            member.Streams.Add(new OutboundStream(peer, Interlocked.Increment(ref _nextStreamId), ssrc, video: true));
        }
    }

    // Runs on the hub's receive loop: never await an invocation here (its result would need this same loop).
    private Task OnOffer(HubConnection hub, LoadMember member, SdpOfferMessage offer)
    {
        try
        {
            HandleOffer(hub, member, offer);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"{member.Label}: unusable subscribe offer {offer.SdpRevision}: {ex.Message}");
        }

        return Task.CompletedTask;
    }

    private void HandleOffer(HubConnection hub, LoadMember member, SdpOfferMessage offer)
    {
        var answered = (MemberState)member.TargetState!;
        if (offer.SdpRevision <= answered.Revision)
        {
            return;
        }

        answered.Revision = offer.SdpRevision;
        if (Environment.GetEnvironmentVariable("LOADGEN_DEBUG") is not null)
        {
            Console.Error.WriteLine($"{member.Label}: offer {offer.SdpRevision}\n{offer.Sdp}");
        }

        var peer = member.Subscribers[0];
        string answer = LocalSdp.Answer(peer, offer.Sdp);
        _ = hub.SendAsync("Answer", new AnswerRequest(answer, offer.SdpRevision));
        if (!answered.Connecting && HasMedia(offer.Sdp))
        {
            answered.Connecting = true;
            var remote = RemoteDescription.Parse(offer.Sdp, remoteIsOfferer: true);
            peer.SetRemote(remote.Candidate, remote.IceUfrag, remote.IcePassword, controlling: true);
            var connect = Task.Run(async () =>
            {
                try
                {
                    await peer.ConnectAsync(remote.LocalRole, remote.Fingerprint, ConnectTimeout);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"{peer.Name}: subscribe connection failed: {ex.Message}");
                    throw;
                }
            });
            lock (_subscribeConnects)
            {
                _subscribeConnects.Add(connect);
            }
        }
    }

    /// <summary>A member's signaling connection and the subscribe revision it answered last.</summary>
    private sealed class MemberState(HubConnection hub)
    {
        public HubConnection Hub { get; } = hub;

        public int Revision { get; set; }

        public bool Connecting { get; set; }
    }

    private static bool HasMedia(string sdp) => sdp.Contains("\nm=", StringComparison.Ordinal) && sdp.Contains("a=candidate", StringComparison.Ordinal);

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode} {body}");
        }
    }
}
