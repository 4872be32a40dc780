using System.Globalization;
using System.Text.Json;
using ContactCenter.LoadGen;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;
using ContactCenter.LoadGen.Scenarios;

LoadGenOptions options;
try
{
    options = LoadGenOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadGenOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var stats = new LoadStats();
await using ILoadTarget target = TargetFactory.Create(options, stats);
RunSummary summary;
try
{
    summary = await new ScenarioRunner(options, target, stats).RunAsync(cancel.Token);
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException or FormatException)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"{options.Target}: setup failed: {ex.Message}");
    return 1;
}

Console.WriteLine(SummaryText.Format(summary));
if (options.JsonFile is { } file)
{
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(summary, SummaryText.Json));
}

return summary.PeersConnected == summary.Peers && summary.PacketsReceived > 0 ? 0 : 1;
