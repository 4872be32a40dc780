using Microsoft.Playwright;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// Screenshots of a page at the two sizes people use (a laptop, 1366×800, and a phone, 390×844) into e2e/artifacts/,
/// each checked for content that is cut off: the page must not scroll sideways, and a table, button, chip, alert or
/// video wider than the screen must sit in a container that scrolls sideways.
/// </summary>
internal static class PageLayout
{
    public static readonly (int Width, int Height) Laptop = (1366, 800);
    public static readonly (int Width, int Height) Phone = (390, 844);

    private const string FindCutOff = """
        () => {
            const width = document.documentElement.clientWidth;
            const problems = [];
            if (document.documentElement.scrollWidth > width + 1) {
                problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
            }
            const scrolls = element => {
                for (let p = element.parentElement; p && p !== document.body; p = p.parentElement) {
                    const overflow = getComputedStyle(p).overflowX;
                    if (overflow === 'auto' || overflow === 'scroll') return true;
                }
                return false;
            };
            for (const element of document.querySelectorAll('table, .mud-button-root, .mud-chip, .mud-alert, video, h1, input, [role=tab]')) {
                const box = element.getBoundingClientRect();
                if (box.width === 0 || box.right <= width + 1 || scrolls(element)) continue;
                const text = (element.innerText || element.getAttribute('data-testid') || '').trim().slice(0, 40);
                problems.push(`${element.tagName.toLowerCase()} "${text}" ends at ${Math.round(box.right)} px`);
            }
            return problems;
        }
        """;

    /// <summary>Both sizes: a screenshot each, and no cut-off content (waiting for the layout to follow the resize).</summary>
    public static async Task ShootBothSizesAsync(IPage page, string name)
    {
        foreach (var (width, height, suffix) in new[] { (Laptop.Width, Laptop.Height, "1366"), (Phone.Width, Phone.Height, "390") })
        {
            await page.SetViewportSizeAsync(width, height);
            var problems = await WaitForNoCutOffAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(UiFixture.ArtifactsDirectory, $"page-{name}-{suffix}.png"),
                FullPage = true,
            });
            Assert.True(problems.Count == 0, $"{name} at {width}×{height}: {string.Join("; ", problems)}");
        }

        // Back to the laptop size, and wait until the layout follows, so the test's next click lands where it aims.
        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await WaitForNoCutOffAsync(page);
    }

    /// <summary>The cut-off content, polled for a few seconds while MudBlazor's breakpoints re-render after a resize.</summary>
    private static async Task<IReadOnlyList<string>> WaitForNoCutOffAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        string[] problems;
        do
        {
            await Task.Delay(250);
            problems = await page.EvaluateAsync<string[]>(FindCutOff);
        }
        while (problems.Length > 0 && DateTime.UtcNow < deadline);

        return problems;
    }

    /// <summary>Waits until the first video matching <paramref name="selector"/> shows frames (a width from the decoder).</summary>
    public static Task WaitForVideoAsync(IPage page, string selector) =>
        page.WaitForFunctionAsync(
            "selector => { const v = document.querySelector(selector); return !!v && v.videoWidth > 0; }",
            selector,
            new PageWaitForFunctionOptions { Timeout = 45_000, PollingInterval = 250 });
}
