using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContactCenter.E2E.Restart;

/// <summary>
/// The host as a real child process (<c>dotnet src/ContactCenter.Web/bin/Release/net10.0/ContactCenter.Web.dll</c>),
/// configured through environment variables: a SQLite file and token key in a temp folder, fixed free HTTP and media
/// ports, so that a new process started after <see cref="Kill"/> serves the same database at the same addresses.
/// Its output goes to <see cref="Log"/>.
/// </summary>
internal sealed class ChildHost : IAsyncDisposable
{
    public const string Password = "E2e-Restart-Passw0rd";
    private readonly StringBuilder _log = new();
    private readonly string _root = ContactCenter.Web.HostPaths.ResolveContentRoot([]);
    private Process? _process;

    public ChildHost()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cc-restart-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        HttpPort = FreeTcpPort();
        MediaPort = FreeUdpPort();
    }

    public string Folder { get; }

    public int HttpPort { get; }

    public int MediaPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a process and waits until it serves pages.</summary>
    public async Task StartAsync()
    {
        var dll = Path.Combine(_root, "src", "ContactCenter.Web", "bin", "Release", "net10.0", "ContactCenter.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["CONTACTCENTER_ROOT"] = _root;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Urls"] = BaseAddress.ToString().TrimEnd('/');
        env["ConnectionStrings__ContactCenter"] = $"Data Source={Path.Combine(Folder, "contactcenter.db")}";
        env["Database__Provider"] = "Sqlite";
        env["Tokens__KeyFile"] = Path.Combine(Folder, "token-signing.key");
        env["Media__ListenAddress"] = "127.0.0.1";
        env["Media__Port"] = MediaPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Media__AnnouncedAddress"] = "127.0.0.1";
        env["Sip__Enabled"] = "false";
        env["Demo__Password"] = Password;
        env["Demo__CredentialsFile"] = Path.Combine(Folder, "demo-credentials.txt");
        env["CallCenter__OfferTimeoutSeconds"] = "300";
        env["CallCenter__MemberGraceSeconds"] = "60";
        env["Logging__LogLevel__Default"] = "Information";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "call"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not serve /call within 90 s:\n{Log}");
    }

    /// <summary>SIGKILL: the process ends at once, with no shutdown code run.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>SIGTERM: a graceful stop. Returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        var process = _process ?? throw new InvalidOperationException("Not started.");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.Delay(100);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
