namespace ContactCenter.Sip.Tests.TestDoubles;

internal static class Wait
{
    /// <summary>Polls a condition until it holds or the bound passes; returns whether it held (assert on that).</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(20);
        }
        return condition();
    }
}
