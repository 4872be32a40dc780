using System.Diagnostics;
using Npgsql;

namespace ContactCenter.Testing;

/// <summary>
/// The PostgreSQL and Redis that tests use. <c>./test.sh</c> starts both (tests/services.sh) and exports
/// <c>CC_TEST_POSTGRES</c> (a server connection string) and <c>CC_TEST_REDIS</c> (host:port); a developer running
/// <c>dotnet test</c> alone gets the same pair started here, once, under the temp folder (and left running for the
/// next run). <c>CC_TEST_DB=postgres</c> makes the provider-neutral tests (the REST API, the data layer) run on
/// PostgreSQL instead of SQLite files.
/// </summary>
internal static class TestServices
{
    private static readonly Lazy<(string Postgres, string Redis)> Started = new(StartOrRead, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when this test run is the PostgreSQL pass (<c>CC_TEST_DB=postgres</c>).</summary>
    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("CC_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string to the server's <c>postgres</c> database, as a superuser.</summary>
    public static string PostgresServer => Started.Value.Postgres;

    /// <summary>StackExchange.Redis configuration (host:port) of the test Redis.</summary>
    public static string Redis => Started.Value.Redis;

    /// <summary>A new empty database named after <paramref name="key"/> (letters, digits and '_' kept), and its connection string.</summary>
    public static string CreateDatabase(string key)
    {
        var name = DatabaseName(key);
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection))
        {
            exists.Parameters.AddWithValue("n", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }

        return ConnectionStringFor(key);
    }

    /// <summary>The connection string of the database named after <paramref name="key"/> (not created).</summary>
    public static string ConnectionStringFor(string key) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName(key), MaxPoolSize = 50 }.ToString();

    public static void DropDatabase(string key)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName(key)}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    public static string DatabaseName(string key)
    {
        var kept = new string(key.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray()).ToLowerInvariant();
        return ("cc_" + kept)[..Math.Min(63, 3 + kept.Length)];
    }

    private static (string, string) StartOrRead()
    {
        var postgres = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("CC_TEST_REDIS");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(redis))
        {
            return (postgres, redis);
        }

        var script = Path.Combine(RepositoryRoot(), "tests", "services.sh");
        var folder = Path.Combine(Path.GetTempPath(), "cc-test-services");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("start");
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run tests/services.sh");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/services.sh start failed ({process.ExitCode}): {stderr.Result}");
        }

        string Value(string name) => output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))
            .Select(l => l[($"export {name}=".Length)..].Trim('\''))
            .FirstOrDefault() ?? throw new InvalidOperationException($"tests/services.sh printed no {name}: {output}");

        return (string.IsNullOrEmpty(postgres) ? Value("CC_TEST_POSTGRES") : postgres,
            string.IsNullOrEmpty(redis) ? Value("CC_TEST_REDIS") : redis);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ContactCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
