using System.Text.Json;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;
using ContactCenter.LoadGen.Ours;
using ContactCenter.LoadGen.Scenarios;

namespace ContactCenter.LoadGen;

/// <summary>
/// The entry point. An explicit class rather than top-level statements: those would declare a global
/// <c>Program</c> that the tests (which see this assembly's internals) would confuse with the Web host's.
/// </summary>
internal static class LoadGenProgram
{
    public static async Task<int> Main(string[] args)
    {
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
        try
        {
            return options.Scenario switch
            {
                "soak" => await SoakAsync(options, target, stats, cancel.Token),
                "churn" => await ChurnAsync(options, (OursTarget)target, stats, cancel.Token),
                _ => await RunAsync(options, target, stats, cancel.Token),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException or FormatException)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"{options.Target}: setup failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(LoadGenOptions options, ILoadTarget target, LoadStats stats, CancellationToken cancellationToken)
    {
        var summary = await new ScenarioRunner(options, target, stats).RunAsync(cancellationToken, async done =>
        {
            Console.WriteLine(SummaryText.Format(done));
            await WriteJsonAsync(options, done);
        });
        return summary.PeersConnected == summary.Peers && summary.PacketsReceived > 0 ? 0 : 1;
    }

    private static async Task<int> SoakAsync(LoadGenOptions options, ILoadTarget target, LoadStats stats, CancellationToken cancellationToken)
    {
        var summary = await new ScenarioRunner(options, target, stats).RunSoakAsync(cancellationToken);
        Console.WriteLine(SoakText.Format(summary));
        await WriteJsonAsync(options, summary);
        return summary.Passed ? 0 : 1;
    }

    private static async Task<int> ChurnAsync(LoadGenOptions options, OursTarget target, LoadStats stats, CancellationToken cancellationToken)
    {
        var summary = await new ChurnRunner(options, target, stats).RunAsync(cancellationToken, async done =>
        {
            Console.WriteLine(ChurnText.Format(done, options.MaxLossPercent));
            await WriteJsonAsync(options, done with { RateHeld = done.Held(options.MaxLossPercent) });
        });
        return summary.Held(options.MaxLossPercent) ? 0 : 1;
    }

    private static async Task WriteJsonAsync<T>(LoadGenOptions options, T summary)
    {
        if (options.JsonFile is { } file)
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(summary, SummaryText.Json));
        }
    }
}
