using ContactCenter.Core.Desks;

namespace ContactCenter.Web.Ui;

/// <summary>Starts the roster's clock with the host, so that times in state count from the first change.</summary>
internal sealed class AgentStateClockStarter(AgentStateClock clock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        clock.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
