using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Ui;

/// <summary>
/// Drives the queue's clock: at start-up the call center is rebuilt from the database (the calls of the previous run
/// go on); then every second expired offers move on, wrap-ups end and absent members' grace runs out (see
/// <see cref="CallCenter.ExpireOffersAsync"/>). A shutdown ends no call: it tells the pages, and the calls resume
/// when the server is back.
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

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _center.RestoreAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _center.AnnounceStopping();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
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
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The queue's housekeeping failed; it runs again in a second")]
        public static partial void TickFailed(ILogger logger, Exception exception);
    }
}
