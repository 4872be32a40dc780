using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Ui;

/// <summary>Drives the queue's clock: every second, expired offers move on (see <see cref="CallCenter.ExpireOffersAsync"/>).</summary>
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

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The queue's housekeeping failed; it runs again in a second")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
