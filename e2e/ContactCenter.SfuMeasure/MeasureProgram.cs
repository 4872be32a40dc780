using System.Diagnostics;
using System.Globalization;
using ContactCenter.E2E.Infrastructure;
using ContactCenter.E2E.Sfu;
using ContactCenter.Media.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactCenter.SfuMeasure;

/// <summary>
/// Measures, over N runs (default 20), with three Chromium participants on the real host:
///   1. mode change -> last packet forwarded on a removed edge (server clock, edge counters), from the REST call
///      and from the router's table swap;
///   2. mode change -> first video frame decoded on a new edge (browser getStats, same machine clock);
///   3. join (connect) -> first video frame decoded.
/// </summary>
internal static class MeasureProgram
{
    public static async Task<int> Main(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        await using var host = new EchoHostFactory();
        host.StartServer();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
                "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });

        using var api = new SfuApi(host.BaseAddress);
        var router = host.Services.GetRequiredService<SfuRouter>();
        var session = await api.CreateSessionAsync();
        var (customerId, customerToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (agentId, agentToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (supervisorId, supervisorToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        foreach (var id in new[] { customerId, agentId, supervisorId })
        {
            await api.AddMemberAsync(session, id);
        }

        var customer = await OpenAsync(customerToken, ("audio", "microphone"), ("video", "camera"));
        var agent = await OpenAsync(agentToken, ("audio", "microphone"), ("video", "camera"));
        var supervisor = await OpenAsync(supervisorToken, ("audio", "microphone"));
        await api.SetModeAsync(session, "fullyWired", supervisorId, agentId, customerId);
        await UntilAsync(async () => await agent.EvaluateAsync<int>("p => window.ccFrames(p)", customerId) > 0);

        var removal = new List<double>();
        var removalAfterSwap = new List<double>();
        var apply = new List<double>();
        var newEdge = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            // Take over: the agent stops receiving the customer. When did the last packet cross that edge, counted
            // from the REST call (includes storing the subscriptions) and from the router's table swap?
            await Task.Delay(500);
            long applied = 0;
            void OnApplied(string changedSession) => Interlocked.CompareExchange(ref applied, Stopwatch.GetTimestamp(), 0);
            router.EdgesChanged += OnApplied;
            long changed = Stopwatch.GetTimestamp();
            await api.SetModeAsync(session, "takeOver", supervisorId, agentId, customerId);
            await Task.Delay(300);
            router.EdgesChanged -= OnApplied;
            long last = Math.Max(
                router.CountersOf(customerId, "microphone", agentId)?.LastForwardedTimestamp ?? 0,
                router.CountersOf(customerId, "camera", agentId)?.LastForwardedTimestamp ?? 0);
            removal.Add(Math.Max(0, Stopwatch.GetElapsedTime(changed, last).TotalMilliseconds));
            removalAfterSwap.Add(Math.Max(0, Stopwatch.GetElapsedTime(applied, last).TotalMilliseconds));
            apply.Add(Stopwatch.GetElapsedTime(changed, applied).TotalMilliseconds);
            await UntilAsync(async () => await agent.EvaluateAsync<int>("p => window.ccFrames(p)", customerId) == 0);

            // Fully wired again: the agent's new edge from the customer. When is its first frame decoded?
            await agent.EvaluateAsync("p => window.ccWatchFirstFrame(p)", customerId);
            long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await api.SetModeAsync(session, "fullyWired", supervisorId, agentId, customerId);
            long first = await agent.EvaluateAsync<long>("() => window.ccFirstFrame");
            newEdge.Add(first - before);
        }

        // Join: a participant subscribed to the customer connects, again and again.
        var joinSession = await api.CreateSessionAsync();
        var (publisherId, publisherToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        var (joinerId, joinerToken) = await api.CreateParticipantAsync("AUDIO", "VIDEO");
        await api.AddMemberAsync(joinSession, publisherId);
        await api.AddMemberAsync(joinSession, joinerId, $$"""{"sessionId":"{{joinSession}}"}""");
        await OpenAsync(publisherToken, ("video", "camera"));
        var joiner = await OpenAsync(null);
        var join = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            join.Add(await joiner.EvaluateAsync<double>("([t, p]) => window.ccJoin(t, p)", new[] { joinerToken, publisherId }));
            await Task.Delay(300);
        }

        Report("mode change (REST call) -> router applied", apply);
        Report("mode change (REST call) -> last packet on a removed edge", removal);
        Report("router applied -> last packet on a removed edge", removalAfterSwap);
        Report("mode change -> first frame decoded on a new edge", newEdge);
        Report("join (connect) -> first frame decoded", join);
        return 0;

        async Task<IPage> OpenAsync(string? token, params (string Kind, string Alias)[] publish)
        {
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(host.BaseAddress, "/lib/signalr/LICENSE.txt").ToString());
            await page.SetContentAsync(MeasurePage.Html);
            await page.WaitForFunctionAsync("() => window.ccReady === true");
            if (token is not null)
            {
                await page.EvaluateAsync("t => window.rtc.connect(t)", token);
                foreach (var (kind, alias) in publish)
                {
                    await page.EvaluateAsync("([k, a]) => window.ccPublish(k, a)", new[] { kind, alias });
                }
            }

            return page;
        }

        static async Task UntilAsync(Func<Task<bool>> condition)
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while (!await condition())
            {
                if (DateTime.UtcNow > until)
                {
                    throw new TimeoutException("condition not met in 30 s");
                }

                await Task.Delay(20);
            }
        }

        static void Report(string what, List<double> samples)
        {
            var sorted = samples.Order().ToList();
            double Percentile(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}: n={sorted.Count} median={Percentile(0.5):F1} ms p95={Percentile(0.95):F1} ms min={sorted[0]:F1} max={sorted[^1]:F1}"));
        }
    }
}
