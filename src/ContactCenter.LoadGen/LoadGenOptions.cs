using System.Globalization;

namespace ContactCenter.LoadGen;

/// <summary>The command line: <c>whisper --calls N | fanout --subscribers N | room --members N | soak --wraps N | churn --calls N --rate R</c> plus options.</summary>
internal sealed record LoadGenOptions
{
    public string Scenario { get; init; } = "";

    public int Count { get; init; }

    public string Target { get; init; } = "ours";

    public string Server { get; init; } = "http://127.0.0.1:5080";

    public string JanusUrl { get; init; } = "http://127.0.0.1:8088/janus";

    public string Account { get; init; } = "demo";

    public string User { get; init; } = "demo";

    public string Password { get; init; } = "demo-secret-change-me";

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);

    public bool Video { get; init; }

    public int SenderThreads { get; init; } = 1;

    public int SetupParallelism { get; init; } = 8;

    public string? JsonFile { get; init; }

    /// <summary>Audio packets per second per stream (50, one every 20 ms; the soak sends 5,000).</summary>
    public int AudioPps { get; init; } = 50;

    /// <summary>Video packets per second per stream, sent as frames of 5 (150, 30 fps; the soak sends 5,000).</summary>
    public int VideoPps { get; init; } = 150;

    /// <summary>Soak: sequence-number wraps (65,536 packets each) every SSRC must pass at the receiver.</summary>
    public int Wraps { get; init; } = 4;

    /// <summary>Soak: the loss (percent of expected packets, per SSRC) above which the soak fails.</summary>
    public double MaxLossPercent { get; init; } = 0.1;

    /// <summary>REST mode changes timed on one spare call while the scenario's calls are live (ours, whisper).</summary>
    public int ModeChanges { get; init; }

    /// <summary>Churn: calls per second arriving (and as many of the oldest ending).</summary>
    public double Rate { get; init; } = 5;

    /// <summary>The server process to sample (CPU seconds, RSS) over the measured window.</summary>
    public int? ServerPid { get; init; }

    public const string Usage = """
        usage: ContactCenter.LoadGen <scenario> [options]
          whisper --calls N          N three-party calls (customer, agent, supervisor) in whisper mode
          fanout --subscribers N     one publisher, N subscribers
          room --members N           one fully wired session of N members (default 20)
          soak [--wraps N]           one publisher (audio + video bundled on one connection), one subscriber, fast,
                                     until every SSRC's 16-bit sequence number wrapped N times (4) at the receiver;
                                     fails on any SRTP authentication failure, client or server
          churn --calls N --rate R   (ours) N whisper calls live (300) while R calls/s (5) arrive and the oldest end
                                     (DELETE session); every 0.5 s one call goes whisper -> monitor and the time from
                                     PUT /mode to the removed supervisor -> agent edge's last packet is measured;
                                     exit 0 when the rate held: loss < --max-loss (0.1) on calls live the whole window
        options:
          --target ours|janus        (ours)      --server URL   (http://127.0.0.1:5080)
          --janus URL                (http://127.0.0.1:8088/janus)
          --account A --user U --password P      (demo / demo / demo-secret-change-me)
          --duration S (10)  --warmup S (2)  --video  --sender-threads N (1)  --parallel N (8)  --json FILE
          --mode-changes N           ours, whisper: after set-up, time N PUT /mode (monitor <-> whisper) on a spare call
          --server-pid PID           sample that process's CPU seconds and RSS over the measured window
          --audio-pps N (50; soak 5000)  --video-pps N (150 = 30 fps x 5 packets; soak 5000)
          soak: --duration S is a time limit (300); no warm-up, every packet counts; --max-loss PCT (0.1) per SSRC
        """;

    public static LoadGenOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new ArgumentException("No scenario given.");
        }

        var options = args[0] == "soak"
            ? new LoadGenOptions
            {
                Scenario = "soak", Count = 1, Video = true, AudioPps = 5_000, VideoPps = 5_000,
                Duration = TimeSpan.FromSeconds(300), WarmUp = TimeSpan.Zero,
            }
            : new LoadGenOptions { Scenario = args[0], Count = args[0] switch { "room" => 20, "churn" => 300, _ => 10 } };
        for (int i = 1; i < args.Count; i++)
        {
            string name = args[i];
            if (name == "--video")
            {
                options = options with { Video = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            string value = args[++i];
            options = name switch
            {
                "--calls" or "--subscribers" or "--members" => options with { Count = Int(name, value) },
                "--target" => options with { Target = value },
                "--server" => options with { Server = value },
                "--janus" => options with { JanusUrl = value },
                "--account" => options with { Account = value },
                "--user" => options with { User = value },
                "--password" => options with { Password = value },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Int(name, value)) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(Int(name, value)) },
                "--sender-threads" => options with { SenderThreads = Int(name, value) },
                "--parallel" => options with { SetupParallelism = Int(name, value) },
                "--json" => options with { JsonFile = value },
                "--mode-changes" => options with { ModeChanges = Int(name, value) },
                "--server-pid" => options with { ServerPid = Int(name, value) },
                "--audio-pps" => options with { AudioPps = Int(name, value) },
                "--video-pps" => options with { VideoPps = Int(name, value) },
                "--wraps" => options with { Wraps = Int(name, value) },
                "--max-loss" => options with { MaxLossPercent = Percent(name, value) },
                "--rate" => options with { Rate = PositiveNumber(name, value) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (options.Scenario is not ("whisper" or "fanout" or "room" or "soak" or "churn"))
        {
            throw new ArgumentException($"Unknown scenario {options.Scenario}.");
        }

        if (options.Scenario == "soak" && (options.Count != 1 || !options.Video))
        {
            throw new ArgumentException("soak has one publisher (audio and video) and one subscriber; it takes no count.");
        }

        if (options.Target is not ("ours" or "janus"))
        {
            throw new ArgumentException($"Unknown target {options.Target}.");
        }

        if (options.Scenario == "churn" && options.Target != "ours")
        {
            throw new ArgumentException("churn drives our REST API (DELETE session, PUT /mode); it has no Janus target.");
        }

        return options;
    }

    private static double PositiveNumber(string name, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n) && n > 0 && n <= 1000
            ? n
            : throw new ArgumentException($"{name} needs a number of calls per second above 0 (at most 1000).");

    private static double Percent(string name, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double p) && p is >= 0 and <= 100
            ? p
            : throw new ArgumentException($"{name} needs a percentage from 0 to 100.");

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive integer.");
}
