using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactCenter.Data;

/// <summary>The provider and the connection string that the settings resolve to, with relative SQLite paths anchored.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings Resolve(string? provider, string? connectionString, string contentRoot)
    {
        var raw = string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnectionString : connectionString.Trim();
        var kind = ParseProvider(provider) ?? (LooksLikePostgres(raw) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
        return kind == DatabaseProvider.Postgres
            ? new DatabaseSettings(kind, NormalizePostgres(raw))
            : new DatabaseSettings(kind, AnchorSqlite(raw, contentRoot));
    }

    public static DatabaseProvider? ParseProvider(string? provider) => provider?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => null,
        "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use 'Sqlite' or 'Postgres'."),
    };

    public static bool LooksLikePostgres(string connectionString)
    {
        if (connectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || connectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = part.Split('=', 2)[0].Trim();
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Relative SQLite paths are relative to the content root (the repository root), and the folder is created.</summary>
    private static string AnchorSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ToString();
        }

        if (!Path.IsPathRooted(source))
        {
            source = Path.GetFullPath(Path.Combine(contentRoot, source));
        }

        var folder = Path.GetDirectoryName(source);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.DataSource = source;
        return builder.ToString();
    }

    /// <summary>Npgsql wants key=value pairs; a <c>postgres://user:pass@host:port/db</c> URL is turned into them.</summary>
    private static string NormalizePostgres(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri)
            || !(uri.Scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) || uri.Scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ToString();
    }
}
