using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.E2E.Firewall;

/// <summary>
/// coturn from the Debian package (<c>/usr/bin/turnserver</c>), started for one test fixture on 127.0.0.1 with a
/// test secret (<c>use-auth-secret</c>), its own empty config, database and log under a temp folder, and relay
/// ports of its own. Loopback peers are allowed: our media server is on 127.0.0.1 too.
/// </summary>
internal sealed class CoturnProcess : IAsyncDisposable
{
    public const string TurnServerPath = "/usr/bin/turnserver";
    public const string Secret = "e2e-turn-secret";

    private readonly Process _process;

    private CoturnProcess(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string LogPath => Path.Combine(Folder, "turn.log");

    /// <summary>TURN over UDP and over TCP to this instance.</summary>
    public string Urls => $"turn:127.0.0.1:{Port}?transport=udp, turn:127.0.0.1:{Port}?transport=tcp";

    public static async Task<CoturnProcess> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cc-coturn-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "turnserver.conf");
        await File.WriteAllTextAsync(config, "# empty: every setting is on the command line\n");
        var port = FreePort();
        var relayMin = 20000 + (port % 12000);
        var start = new ProcessStartInfo(TurnServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-c", config,
            "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}",
            $"--min-port={relayMin}", $"--max-port={relayMin + 200}",
            "--use-auth-secret", $"--static-auth-secret={Secret}", "--realm=contactcenter.test",
            "--allow-loopback-peers", "--no-cli", "--no-tls", "--no-dtls", "--no-multicast-peers",
            "--simple-log", $"--log-file={Path.Combine(folder, "turn.log")}",
            $"--pidfile={Path.Combine(folder, "turn.pid")}", $"--userdb={Path.Combine(folder, "turn.db")}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("turnserver did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var turn = new CoturnProcess(process, folder, port);
        await turn.WaitListeningAsync();
        return turn;
    }

    private async Task WaitListeningAsync()
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"turnserver exited with {_process.ExitCode}: {ReadLog()}");
            }

            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port));
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"turnserver is not listening on 127.0.0.1:{Port}: {ReadLog()}");
    }

    /// <summary>coturn's log (for a failing test's output).</summary>
    public string ReadLog()
    {
        try
        {
            var files = Directory.GetFiles(Folder, "turn*.log");
            return files.Length == 0 ? "(no log)" : string.Join("\n", files.Select(File.ReadAllText));
        }
        catch (IOException ex)
        {
            return "(log unreadable: " + ex.Message + ")";
        }
    }

    private static int FreePort()
    {
        // A port free for both TCP and UDP (coturn listens on both).
        for (int attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // taken for UDP: try another
            }
        }

        throw new InvalidOperationException("No port free for both TCP and UDP on 127.0.0.1.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans its temp folder
        }
    }
}
