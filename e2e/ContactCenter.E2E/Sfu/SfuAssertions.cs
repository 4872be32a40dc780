using Xunit.Abstractions;

namespace ContactCenter.E2E.Sfu;

/// <summary>
/// Presence and absence of media, from both ends: the receiving browser's getStats and the server's edge
/// counters. Presence polls until a counter grows (generous deadline, no timing assert); absence watches a
/// window and requires that nothing moved.
/// </summary>
internal sealed class SfuAssertions(SfuApi api, string sessionId, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(2);

    /// <summary>Audio (and video frames when <paramref name="video"/>) from <paramref name="publisherId"/> grow at the receiver.</summary>
    public async Task ReceivesAsync(SfuBrowser receiver, string receiverId, string publisherId, string publisherName, bool video)
    {
        var first = await receiver.StatsAsync(publisherId);
        long serverFirst = await api.EdgePacketsAsync(sessionId, publisherId, receiverId, "microphone") ?? 0;
        var until = DateTime.UtcNow + Deadline;
        PeerStats now;
        long serverNow;
        bool done;
        do
        {
            await Task.Delay(250);
            now = await receiver.StatsAsync(publisherId);
            serverNow = await api.EdgePacketsAsync(sessionId, publisherId, receiverId, "microphone") ?? 0;
            done = now.AudioBytes > first.AudioBytes && serverNow > serverFirst
                && (!video || now.FramesDecoded > first.FramesDecoded);
        }
        while (!done && DateTime.UtcNow < until);

        output.WriteLine($"{receiver.Name} <- {publisherName}: {now} (server {serverFirst} -> {serverNow} audio packets)");
        Assert.True(now.AudioBytes > first.AudioBytes, $"{receiver.Name} receives no audio from {publisherName}: {first} -> {now}");
        Assert.True(serverNow > serverFirst, $"the server forwards no audio from {publisherName} to {receiver.Name}");
        if (video)
        {
            Assert.True(now.FramesDecoded > first.FramesDecoded, $"{receiver.Name} decodes no video from {publisherName}: {first} -> {now}");
            var videoPackets = await api.EdgePacketsAsync(sessionId, publisherId, receiverId, "camera");
            Assert.True(videoPackets > 0, $"the server forwards no video from {publisherName} to {receiver.Name}");
        }
    }

    /// <summary>Nothing of <paramref name="publisherId"/> reaches the receiver during a quiet window, on either side.</summary>
    public async Task ReceivesNothingAsync(SfuBrowser receiver, string receiverId, string publisherId, string publisherName)
    {
        var first = await receiver.StatsAsync(publisherId);
        var serverFirst = await api.EdgePacketsAsync(sessionId, publisherId, receiverId);
        await Task.Delay(QuietWindow);
        var last = await receiver.StatsAsync(publisherId);
        var serverLast = await api.EdgePacketsAsync(sessionId, publisherId, receiverId);
        output.WriteLine($"{receiver.Name} <- {publisherName}: nothing expected: {first} -> {last} (server {serverFirst} -> {serverLast})");
        // "No growth": a stream that ends drops out of the SDK's stats (its value falls to 0), which is not media.
        Assert.True(last.AudioBytes <= first.AudioBytes, $"{receiver.Name} still receives audio from {publisherName}: {first} -> {last}");
        Assert.True(last.VideoBytes <= first.VideoBytes, $"{receiver.Name} still receives video from {publisherName}: {first} -> {last}");
        Assert.True(serverLast is null || serverLast == serverFirst, $"the server still forwards {publisherName} to {receiver.Name}");
    }

    /// <summary>The receiver's inbound bytes from <paramref name="publisherId"/> are exactly 0, sampled over a window.</summary>
    public async Task ReceivesZeroAsync(SfuBrowser receiver, string receiverId, string publisherId, string publisherName)
    {
        for (int i = 0; i < 4; i++)
        {
            var stats = await receiver.StatsAsync(publisherId);
            Assert.True(stats.AudioBytes == 0 && stats.VideoBytes == 0, $"{receiver.Name} received from {publisherName}: {stats}");
            Assert.Null(await api.EdgePacketsAsync(sessionId, publisherId, receiverId));
            await Task.Delay(QuietWindow / 4);
        }

        output.WriteLine($"{receiver.Name} <- {publisherName}: 0 bytes for the whole window");
    }

    /// <summary>Waits until the server has stopped forwarding (the removed edge is gone) before absence is watched.</summary>
    public async Task EdgeGoneAsync(string publisherId, string receiverId)
    {
        var until = DateTime.UtcNow + Deadline;
        while (await api.EdgePacketsAsync(sessionId, publisherId, receiverId) is not null && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.Null(await api.EdgePacketsAsync(sessionId, publisherId, receiverId));
    }
}
