using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// POSTs queued webhooks: each try bounded by <see cref="BandwidthWebhookOptions.Timeout"/>, failures (network,
/// timeout, non-2xx) retried with doubling delays up to <see cref="BandwidthWebhookOptions.Attempts"/>. Deliveries run
/// side by side (up to <see cref="BandwidthWebhookOptions.MaxConcurrent"/>), so one hanging receiver delays nobody else.
/// </summary>
public sealed class BandwidthWebhookSender(
    BandwidthWebhookQueue queue,
    IHttpClientFactory clients,
    IOptions<BandwidthWebhookOptions> options,
    TimeProvider time,
    ILogger<BandwidthWebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "bandwidth-webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrent));
        var running = new List<Task>();
        try
        {
            await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(DeliverAndReleaseAsync(delivery, settings, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is lost, as with any in-memory queue.
        }

        await Task.WhenAll(running);
    }

    private async Task DeliverAndReleaseAsync(BandwidthWebhookDelivery delivery, BandwidthWebhookOptions settings, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await DeliverAsync(delivery, settings, ct);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task DeliverAsync(BandwidthWebhookDelivery delivery, BandwidthWebhookOptions settings, CancellationToken ct)
    {
        var attempts = Math.Max(1, settings.Attempts);
        var delay = settings.RetryDelay;
        var @event = delivery.Event;
        var client = clients.CreateClient(HttpClientName);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            string failure;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(settings.Timeout);
                try
                {
                    using var response = await client.PostAsJsonAsync(delivery.Url, @event, timeout.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }

                    failure = "HTTP " + (int)response.StatusCode;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    failure = "timed out after " + settings.Timeout;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (HttpRequestException ex)
                {
                    failure = ex.Message;
                }
            }

            BandwidthLog.WebhookAttemptFailed(logger, @event.Event, @event.ParticipantId, delivery.Url.ToString(), attempt, failure);
            if (attempt < attempts)
            {
                try
                {
                    await Task.Delay(delay, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay *= 2;
            }
        }

        BandwidthLog.WebhookGaveUp(logger, @event.Event, @event.ParticipantId, delivery.Url.ToString(), attempts);
    }
}
