namespace ContactCenter.Data;

/// <summary>The <c>Database</c> section. The connection string itself is <c>ConnectionStrings:ContactCenter</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "ContactCenter";

    public const string DefaultSqliteConnectionString = "Data Source=data/contactcenter.db";

    /// <summary>
    /// <c>Sqlite</c> or <c>Postgres</c>. Empty: PostgreSQL when the connection string looks like one
    /// (<c>Host=…</c> or a <c>postgres://</c> URL), otherwise SQLite.
    /// </summary>
    public string? Provider { get; set; }
}
