using System.Net;
using System.Net.Sockets;
using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Media.Stun;
using ContactCenter.Media.Transport;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Protection;

[CollectionDefinition(nameof(MemoryBaselineCollection), DisableParallelization = true)]
public sealed class MemoryBaselineCollection;

/// <summary>
/// After an abusive burst the server's managed memory is back at its baseline: the real host on Kestrel (real TCP on
/// 127.0.0.1) and its real media UDP port. Runs alone (GC.GetTotalMemory is the whole process's).
/// </summary>
[Collection(nameof(MemoryBaselineCollection))]
public sealed class MemoryBaselineTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>What may stay after the burst: caches and pools that warm-up did not fill exactly the same way.</summary>
    private const long MarginBytes = 8 * 1024 * 1024;

    private readonly ApiFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Authorization = _factory.CreateDemoClient().DefaultRequestHeaders.Authorization;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        ApiFactory.DeleteFolder(_factory.Folder);
    }

    [Fact]
    public async Task AbusiveBurst_LargeBodiesHugeAliasListsRandomStun_ManagedMemoryReturnsToBaseline()
    {
        var session = await _client.CreateSessionAsync();
        var (member, _) = await _client.CreateParticipantAsync();
        var (other, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, member);
        await _client.AddToSessionAsync(session, other);
        var media = _factory.Services.GetRequiredService<UdpMediaTransport>().LocalEndPoint;

        // Warm-up: the same kinds of requests, smaller, so JIT, pools and caches are filled before the baseline.
        await BurstAsync(session, member, other, media, bodies: 4, aliasPuts: 1, stun: 500);
        long baseline = FullCollection();

        await BurstAsync(session, member, other, media, bodies: 60, aliasPuts: 8, stun: 10_000);
        long after = FullCollection();

        output.WriteLine($"baseline {baseline / 1024} KB, after the burst {after / 1024} KB, difference {(after - baseline) / 1024} KB");
        Assert.True(after - baseline < MarginBytes,
            $"managed memory after the burst is {(after - baseline) / 1024} KB above its baseline of {baseline / 1024} KB");

        // The server still answers normally.
        Assert.NotNull(await _client.CreateSessionAsync());
    }

    /// <summary>
    /// 2 MB REST bodies (declared and chunked, 8 at a time) that must get 413, subscriptions PUTs with 400,000 aliases
    /// (8 at once), and STUN checks with random usernames from 8 client sockets.
    /// </summary>
    private async Task BurstAsync(string session, string member, string other, IPEndPoint media, int bodies, int aliasPuts, int stun)
    {
        var big = new string('x', 2 * 1024 * 1024);
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, bodies).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var content = Json("{\"tag\":\"" + big + "\"}");
                    var request = new HttpRequestMessage(HttpMethod.Post, $"{Base()}/sessions") { Content = content };
                    request.Headers.TransferEncodingChunked = i % 2 == 1;
                    request.Headers.ExpectContinue = i % 2 == 0; // a declared 2 MB gets its 413 before it is sent
                    try
                    {
                        using var response = await _client.SendAsync(request);
                        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                    }
                    catch (HttpRequestException ex) when (i % 2 == 1)
                    {
                        // Kestrel answers 413 at the cap and closes the connection while the client still sends the
                        // rest of its chunked body: the client sees the reset, which is the refusal too.
                        output.WriteLine("chunked upload cut by the server: " + ex.Message);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var aliases = ManyAliases(other, 400_000);
        await Task.WhenAll(Enumerable.Range(0, aliasPuts).Select(async _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"{Base()}/sessions/{session}/participants/{member}/subscriptions")
            {
                Content = Json(aliases),
            };
            request.Headers.ExpectContinue = true;
            using var response = await _client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"status {response.StatusCode}");
        }));

        var senders = Enumerable.Range(0, 8).Select(_ => new UdpClient(new IPEndPoint(IPAddress.Loopback, 0))).ToList();
        try
        {
            var buffer = new byte[512];
            var transport = _factory.Services.GetRequiredService<UdpMediaTransport>();
            long target = transport.Counters.Stun + stun;
            for (int i = 0; i < stun; i++)
            {
                var writer = new StunWriter(buffer, 0x0001 /* Binding request */, RandomNumberGenerator.GetBytes(12));
                writer.AddUsername(Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + ":" + i));
                writer.AddUInt32(0x0024 /* PRIORITY */, 1853817087);
                writer.AppendMessageIntegrity(RandomNumberGenerator.GetBytes(16));
                int length = writer.AppendFingerprint();
                senders[i % senders.Count].Send(buffer.AsSpan(0, length), media);
                if (i % 500 == 499)
                {
                    await WaitUntilAsync(() => transport.Counters.Stun >= target - stun + i + 1);
                }
            }

            await WaitUntilAsync(() => transport.Counters.Stun >= target);
            Assert.Equal(0, transport.KnownAddressCount);
        }
        finally
        {
            senders.ForEach(s => s.Dispose());
        }
    }

    private static long FullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string ManyAliases(string participantId, int count)
    {
        var json = new StringBuilder("{\"participants\":[{\"participantId\":\"").Append(participantId).Append("\",\"streamAliases\":[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "\"a" : ",\"a").Append(i).Append('"');
        }

        return json.Append("]}]}").ToString();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for the media port to read the burst");
            await Task.Delay(5);
        }
    }
}
