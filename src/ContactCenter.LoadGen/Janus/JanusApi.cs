using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.LoadGen.Janus;

/// <summary>
/// Janus's HTTP API (<c>/janus</c>): one session, a handle per peer connection, and one long-poll loop that hands
/// each asynchronous event to whoever waits on that handle.
/// </summary>
internal sealed class JanusApi : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(70) };
    private readonly string _url;
    private readonly ConcurrentDictionary<long, BlockingCollection<JsonNode>> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _poll = Task.CompletedTask;
    private long _session;

    public JanusApi(string url) => _url = url.TrimEnd('/');

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await PostAsync(_url, new JsonObject { ["janus"] = "create" }, cancellationToken);
        _session = created["data"]!["id"]!.GetValue<long>();
        _poll = Task.Run(PollAsync);
    }

    public async Task<long> AttachAsync(CancellationToken cancellationToken)
    {
        var attached = await PostAsync($"{_url}/{_session}",
            new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.videoroom" }, cancellationToken);
        long handle = attached["data"]!["id"]!.GetValue<long>();
        _events[handle] = new BlockingCollection<JsonNode>();
        return handle;
    }

    /// <summary>A plugin message; synchronous requests answer at once, the rest with "ack" and a later event.</summary>
    public Task<JsonNode> MessageAsync(long handle, JsonObject body, JsonObject? jsep, CancellationToken cancellationToken)
    {
        var message = new JsonObject { ["janus"] = "message", ["body"] = body };
        if (jsep is not null)
        {
            message["jsep"] = jsep;
        }

        return PostAsync($"{_url}/{_session}/{handle}", message, cancellationToken);
    }

    /// <summary>The next plugin event of <paramref name="handle"/> that carries a JSEP (offer or answer).</summary>
    public async Task<JsonNode> WaitForJsepAsync(long handle, TimeSpan timeout)
    {
        var queue = _events[handle];
        using var deadline = new CancellationTokenSource(timeout);
        return await Task.Run(() =>
        {
            while (true)
            {
                JsonNode node;
                try
                {
                    node = queue.Take(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"Janus handle {handle}: no JSEP within {timeout.TotalSeconds:0} s.");
                }

                if (node["plugindata"]?["data"]?["error"] is { } error)
                {
                    throw new InvalidOperationException($"Janus handle {handle}: {error}");
                }

                if (node["jsep"] is not null)
                {
                    return node;
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_session != 0)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await PostAsync($"{_url}/{_session}", new JsonObject { ["janus"] = "destroy" }, timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or OperationCanceledException)
            {
                // Janus is going away anyway.
            }
        }

        _stop.Cancel();
        try
        {
            await _poll;
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
    }

    private async Task<JsonNode> PostAsync(string url, JsonObject body, CancellationToken cancellationToken)
    {
        body["transaction"] = Guid.NewGuid().ToString("N");
        using var response = await _http.PostAsJsonAsync(url, body, cancellationToken);
        response.EnsureSuccessStatusCode();
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        if (node["janus"]?.GetValue<string>() == "error")
        {
            throw new InvalidOperationException($"Janus: {node["error"]}");
        }

        if (node["plugindata"]?["data"]?["error"] is { } error)
        {
            throw new InvalidOperationException($"Janus videoroom: {error}");
        }

        return node;
    }

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            JsonNode? node;
            try
            {
                string text = await _http.GetStringAsync($"{_url}/{_session}?maxev=50", _stop.Token);
                node = JsonNode.Parse(text);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(200);
                continue;
            }

            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Dispatch(item);
                }
            }
            else
            {
                Dispatch(node);
            }
        }
    }

    private void Dispatch(JsonNode? node)
    {
        if (node?["sender"] is { } sender && _events.TryGetValue(sender.GetValue<long>(), out var queue))
        {
            queue.Add(node.DeepClone());
        }
    }
}
