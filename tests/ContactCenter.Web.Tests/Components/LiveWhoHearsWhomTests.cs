using Bunit;
using ContactCenter.Core.Monitoring;
using ContactCenter.Web.Components.Supervision;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Web.Tests.Components;

/// <summary>
/// The matrix follows the media plane's <see cref="IMediaSnapshotSource.EdgesChanged"/> for its own call only; the
/// clock (a fake one here, so it never ticks unless a test advances it) only samples the counters.
/// </summary>
public sealed class LiveWhoHearsWhomTests : MudTestContext
{
    private readonly FakeSnapshotSource _snapshots;
    private readonly FakeTimeProvider _time;

    public LiveWhoHearsWhomTests()
        : this(new FakeSnapshotSource(), new FakeTimeProvider(Samples.Now))
    {
    }

    private LiveWhoHearsWhomTests(FakeSnapshotSource snapshots, FakeTimeProvider time)
        : base(services => services.AddSingleton<IMediaSnapshotSource>(snapshots).AddSingleton<TimeProvider>(time))
    {
        _snapshots = snapshots;
        _time = time;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static string Hears(IRenderedComponent<LiveWhoHearsWhom> cut, string publisher, string subscriber) =>
        cut.Find($"td[data-publisher={publisher}][data-subscriber={subscriber}]").GetAttribute("data-hears")!;

    private static bool Live(IRenderedComponent<LiveWhoHearsWhom> cut, string publisher, string subscriber) =>
        cut.Find($"td[data-publisher={publisher}][data-subscriber={subscriber}]").QuerySelector(".cc-live") is not null;

    [Fact]
    public void EdgesChanged_SelectedCall_RedrawsWithoutAnyClockTick()
    {
        var cut = Render<LiveWhoHearsWhom>(p => p.Add(c => c.Call, Samples.Connected()));
        Assert.Equal("no", Hears(cut, "p-agent", "p-cust"));

        _snapshots.Set("call-1", new MediaEdgeSnapshot("p-agent", "*", "p-cust", 10, 800));
        _snapshots.Raise("call-1");

        cut.WaitForAssertion(() => Assert.Equal("yes", Hears(cut, "p-agent", "p-cust")));
        Assert.Equal(["call-1", "call-1"], _snapshots.Reads);
    }

    [Fact]
    public void EdgesChanged_OtherCall_ReadsNothing()
    {
        var cut = Render<LiveWhoHearsWhom>(p => p.Add(c => c.Call, Samples.Connected()));
        _snapshots.Set("call-1", new MediaEdgeSnapshot("p-agent", "*", "p-cust", 10, 800));

        _snapshots.Raise("call-2");

        Assert.Equal(["call-1"], _snapshots.Reads);
        Assert.Equal("no", Hears(cut, "p-agent", "p-cust"));
    }

    [Fact]
    public async Task Dispose_Rendered_UnsubscribesAndStopsTheClock()
    {
        Render<LiveWhoHearsWhom>(p => p.Add(c => c.Call, Samples.Connected()));
        Assert.Equal(1, _snapshots.Listeners);

        await DisposeComponentsAsync();
        _snapshots.Raise("call-1");
        _time.Advance(LiveWhoHearsWhom.CounterInterval * 3);

        Assert.Equal(0, _snapshots.Listeners);
        Assert.Equal(["call-1"], _snapshots.Reads);
    }

    [Fact]
    public void ClockTick_CountersGrow_LiveDotFromTheNewSample()
    {
        _snapshots.Set("call-1", new MediaEdgeSnapshot("p-agent", "*", "p-cust", 100, 8000), new MediaEdgeSnapshot("p-cust", "*", "p-agent", 100, 8000));
        var cut = Render<LiveWhoHearsWhom>(p => p.Add(c => c.Call, Samples.Connected()));

        _snapshots.Set("call-1", new MediaEdgeSnapshot("p-agent", "*", "p-cust", 200, 16000), new MediaEdgeSnapshot("p-cust", "*", "p-agent", 100, 8000));
        _time.Advance(LiveWhoHearsWhom.CounterInterval);

        cut.WaitForAssertion(() => Assert.Contains("200 packets", cut.Find("td[data-publisher=p-agent][data-subscriber=p-cust]").GetAttribute("title"), StringComparison.Ordinal));
        Assert.True(Live(cut, "p-agent", "p-cust"));
        Assert.False(Live(cut, "p-cust", "p-agent"));
    }

    [Fact]
    public void EdgesChanged_RightAfterASample_CellStaysLiveAndNewEdgeAppears()
    {
        _snapshots.Set("call-1", new MediaEdgeSnapshot("p-agent", "*", "p-cust", 100, 8000));
        var cut = Render<LiveWhoHearsWhom>(p => p.Add(c => c.Call, Samples.Connected()));
        _snapshots.Set("call-1", new MediaEdgeSnapshot("p-agent", "*", "p-cust", 200, 16000));
        _time.Advance(LiveWhoHearsWhom.CounterInterval);
        cut.WaitForAssertion(() => Assert.True(Live(cut, "p-agent", "p-cust")));

        // Moments later an edge is added: no packet moved on the old one since the sample, yet it is not "silent".
        _snapshots.Set("call-1", new MediaEdgeSnapshot("p-agent", "*", "p-cust", 200, 16000), new MediaEdgeSnapshot("p-cust", "*", "p-agent", 0, 0));
        _snapshots.Raise("call-1");

        cut.WaitForAssertion(() => Assert.Equal("yes", Hears(cut, "p-cust", "p-agent")));
        Assert.True(Live(cut, "p-agent", "p-cust"));
    }

    [Fact]
    public void Render_NewViewSameMembers_ReadsNothingUntilAMemberJoins()
    {
        var cut = Render<LiveWhoHearsWhom>(p => p.Add(c => c.Call, Samples.Connected()));

        cut.Render(p => p.Add(c => c.Call, Samples.Connected()));
        cut.Render(p => p.Add(c => c.Call, Samples.Connected(supervisors: [Samples.Supervisor])));

        Assert.Equal(["call-1", "call-1"], _snapshots.Reads);
        Assert.Equal("no", Hears(cut, "p-sup", "p-cust"));
    }
}
