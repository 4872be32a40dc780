using Microsoft.Playwright;

namespace ContactCenter.E2E.Ui;

/// <summary>Reads a page's received audio through the browser SDK's getStats (via cc-page.js's mediaStats).</summary>
internal static class PageAudio
{
    private const string ReadBytes =
        "async pid => { const m = await import('/js/cc-page.js'); const s = await m.mediaStats(); " +
        "const p = s && s[pid]; return p && p.audio ? p.audio.bytesReceived : 0; }";

    /// <summary>inbound-rtp audio bytes the page has received from <paramref name="participantId"/> (0 when none).</summary>
    public static async Task<long> AudioBytesFromAsync(IPage page, string participantId) =>
        await page.EvaluateAsync<long>(ReadBytes, participantId);

    /// <summary>Polls until the audio bytes from <paramref name="participantId"/> grow past what they were at the start.</summary>
    public static async Task WaitForGrowingAudioAsync(IPage page, string participantId, int timeoutMs = 45_000)
    {
        long start = await AudioBytesFromAsync(page, participantId);
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        long now = start;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            now = await AudioBytesFromAsync(page, participantId);
            if (now > start && now > 0)
            {
                return;
            }
        }

        Assert.Fail($"No growing audio from participant {participantId}: {start} → {now} bytes.");
    }
}
