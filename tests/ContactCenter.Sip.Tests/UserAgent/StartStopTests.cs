namespace ContactCenter.Sip.Tests.UserAgent;

public sealed class StartStopTests
{
    /// <summary>
    /// A host that stops right after it started (a short-lived test host, a failed start-up) disposed the UDP socket
    /// before the receive loop's first line read its local address; the loop then threw out of DisposeAsync.
    /// </summary>
    [Fact]
    public async Task DisposeAsync_RightAfterStart_StopsWithoutThrowing()
    {
        for (var i = 0; i < 200; i++)
        {
            var harness = new UasHarness();
            await harness.DisposeAsync();
        }
    }
}
