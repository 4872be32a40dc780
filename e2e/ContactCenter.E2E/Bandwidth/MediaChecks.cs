using ContactCenter.E2E.Sfu;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Bandwidth;

/// <summary>
/// Presence and absence of media for any receiving page (Bandwidth SDK or ours), from the receiver's getStats and
/// the server's edge counters, with the rules of <see cref="SfuAssertions"/>: presence polls until counters grow
/// (generous deadline, no timing assert); absence requires exactly zero over a window.
/// </summary>
internal sealed class MediaChecks(SfuApi api, string sessionId, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(2);

    public async Task ReceivesAsync(string receiver, Func<string, Task<PeerStats>> stats, string receiverId, string publisherId, string publisherName, bool video)
    {
        var first = await stats(publisherId);
        var serverFirst = await api.EdgePacketsAsync(sessionId, publisherId, receiverId, "microphone") ?? 0;
        var until = DateTime.UtcNow + Deadline;
        PeerStats now;
        long serverNow;
        bool done;
        do
        {
            await Task.Delay(250);
            now = await stats(publisherId);
            serverNow = await api.EdgePacketsAsync(sessionId, publisherId, receiverId, "microphone") ?? 0;
            done = now.AudioBytes > first.AudioBytes && serverNow > serverFirst
                && (!video || (now.FramesDecoded > first.FramesDecoded && now.VideoBytes > first.VideoBytes));
        }
        while (!done && DateTime.UtcNow < until);

        output.WriteLine($"{receiver} <- {publisherName}: {now} (server {serverFirst} -> {serverNow} audio packets)");
        Assert.True(now.AudioBytes > first.AudioBytes, $"{receiver} receives no audio from {publisherName}: {first} -> {now}");
        Assert.True(serverNow > serverFirst, $"the server forwards no audio from {publisherName} to {receiver}");
        if (video)
        {
            Assert.True(now.VideoBytes > first.VideoBytes, $"{receiver} receives no video bytes from {publisherName}: {first} -> {now}");
            Assert.True(now.FramesDecoded > first.FramesDecoded, $"{receiver} decodes no video from {publisherName}: {first} -> {now}");
        }
    }

    public async Task ReceivesZeroAsync(string receiver, Func<string, Task<PeerStats>> stats, string receiverId, string publisherId, string publisherName)
    {
        for (var i = 0; i < 4; i++)
        {
            var now = await stats(publisherId);
            Assert.True(now.AudioBytes == 0 && now.VideoBytes == 0, $"{receiver} received from {publisherName}: {now}");
            Assert.Null(await api.EdgePacketsAsync(sessionId, publisherId, receiverId));
            await Task.Delay(QuietWindow / 4);
        }

        output.WriteLine($"{receiver} <- {publisherName}: 0 bytes for the whole window");
    }
}
