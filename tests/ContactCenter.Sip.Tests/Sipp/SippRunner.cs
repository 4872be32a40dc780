using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Tests.Sipp;

/// <summary>Runs /usr/bin/sipp once against a target, bounded in time, and kills it (whole tree) if it overruns.</summary>
internal static class SippRunner
{
    public const string Executable = "/usr/bin/sipp";

    public sealed record Result(int ExitCode, string Output, string Errors, bool TimedOut);

    public static async Task<Result> RunAsync(string scenario, IPEndPoint target, string? token = null, string transport = "u1",
        TimeSpan? bound = null, bool rtpEcho = false)
    {
        var work = Directory.CreateTempSubdirectory("sipp-");
        try
        {
            var scenarioPath = Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);
            var errorFile = Path.Combine(work.FullName, "errors.log");
            var args = new List<string>
            {
                "-sf", scenarioPath, $"{target.Address}:{target.Port.ToString(CultureInfo.InvariantCulture)}",
                "-t", transport, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-mp", FreeRtpPort().ToString(CultureInfo.InvariantCulture),
                "-m", "1", "-timeout", "20s", "-timeout_error", "-nostdin", "-trace_err", "-error_file", errorFile,
            };
            if (token is not null)
            {
                args.AddRange(["-key", "token", token]);
            }
            if (rtpEcho)
            {
                // sipp sends every RTP packet it receives on its media port straight back to the sender.
                args.Add("-rtp_echo");
            }
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = work.FullName,
            };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(40));
            var timedOut = false;
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            var errors = File.Exists(errorFile) ? await File.ReadAllTextAsync(errorFile) : "";
            return new Result(process.ExitCode, await stdout + await stderr, errors, timedOut);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>An even port whose pair is free right now (sipp uses -mp and -mp+2 for media).</summary>
    private static int FreeRtpPort()
    {
        for (var i = 0; i < 50; i++)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)probe.LocalEndPoint!).Port & ~1;
            if (port is > 1024 and < 65000 && IsFree(port) && IsFree(port + 2))
            {
                return port;
            }
        }
        return 46000;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
