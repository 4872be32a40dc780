using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Ui;

/// <summary>
/// Drives the queue's clock: every second, expired offers move on (see <see cref="CallCenter.ExpireOffersAsync"/>);
/// at shutdown, the live calls end.
/// </summary>
internal sealed partial class QueueTicker : BackgroundService
{
    private readonly CallCenter _center;
    private readonly ILogger<QueueTicker> _logger;

    public QueueTicker(CallCenter center, ILogger<QueueTicker> logger)
    {
        _center = center;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await _center.ExpireOffersAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TickFailed(_logger, ex);
            }
        }
    }

    /// <summary>The live queue is in memory: end its calls while the database is still there to record it.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await _center.EndAllCallsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.EndAllFailed(_logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The queue's housekeeping failed; it runs again in a second")]
        public static partial void TickFailed(ILogger logger, Exception exception);

        [LoggerMessage(2, LogLevel.Warning, "Ending the live calls at shutdown failed")]
        public static partial void EndAllFailed(ILogger logger, Exception exception);
    }
}
