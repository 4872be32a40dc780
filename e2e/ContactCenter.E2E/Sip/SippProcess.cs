using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.E2E.Sip;

/// <summary>One sipp caller (/usr/bin/sipp, one call) in the background; killed with its tree if it outlives the test.</summary>
internal sealed class SippProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _work;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippProcess(Process process, DirectoryInfo work)
    {
        _process = process;
        _work = work;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static SippProcess Start(string scenarioXml, IPEndPoint target, IReadOnlyDictionary<string, string> keys)
    {
        var work = Directory.CreateTempSubdirectory("sipp-e2e-");
        var scenario = Path.Combine(work.FullName, "scenario.xml");
        File.WriteAllText(scenario, scenarioXml);
        var start = new ProcessStartInfo("/usr/bin/sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = work.FullName,
        };
        string[] args =
        [
            "-sf", scenario, $"{target.Address}:{target.Port.ToString(CultureInfo.InvariantCulture)}",
            "-t", "u1", "-i", "127.0.0.1", "-mi", "127.0.0.1", "-mp", FreeEvenPort().ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-timeout", "120s", "-timeout_error", "-nostdin",
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in keys)
        {
            start.ArgumentList.Add("-key");
            start.ArgumentList.Add(key);
            start.ArgumentList.Add(value);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start");
        return new SippProcess(process, work);
    }

    /// <summary>Waits for sipp to finish (bounded); returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan bound)
    {
        using var cts = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return (-1, "sipp overran its bound: " + await _stdout + await _stderr);
        }

        return (_process.ExitCode, await _stdout + await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>An even port with its +2 neighbour free now (sipp takes -mp and -mp+2).</summary>
    private static int FreeEvenPort()
    {
        for (int i = 0; i < 50; i++)
        {
            int port;
            using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                port = ((IPEndPoint)probe.LocalEndPoint!).Port & ~1;
            }

            if (port > 1024 && port < 65000 && IsFree(port) && IsFree(port + 1) && IsFree(port + 2))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free media port pair for sipp.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
