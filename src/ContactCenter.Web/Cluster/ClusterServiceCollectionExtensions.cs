using ContactCenter.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ContactCenter.Web.Cluster;

/// <summary>
/// One node of a cluster, or the single process. With <c>ConnectionStrings:Redis</c> set (and the database on
/// PostgreSQL), this node shares with the others: SignalR messages through the Redis backplane, and the Data
/// Protection keys that sign cookies and antiforgery tokens (table <c>DataProtectionKeys</c>), so a sign-in on one node
/// is valid on every node. Without it nothing changes: SQLite, one process. <c>/health</c> reports PostgreSQL and Redis
/// on a node, and only the process itself otherwise.
/// </summary>
public static class ClusterServiceCollectionExtensions
{
    public const string RedisConnectionStringName = "Redis";
    public const string HealthPath = "/health";

    /// <summary>The SignalR backplane's channels start with this, so one Redis can serve other applications too.</summary>
    public const string ChannelPrefix = "contactcenter";

    public static WebApplicationBuilder AddContactCenterCluster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var health = services.AddHealthChecks();
        var redis = builder.Configuration.GetConnectionString(RedisConnectionStringName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            return builder;
        }

        var database = DatabaseSettings.Resolve(
            builder.Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"],
            builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName),
            builder.Environment.ContentRootPath);
        if (database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Redis makes this process a cluster node, and the nodes of a cluster share one PostgreSQL: " +
                "set ConnectionStrings:ContactCenter to it (Host=…), or remove ConnectionStrings:Redis to run one process on SQLite.");
        }

        services.AddSingleton(new ClusterSettings(redis));
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        services.AddSignalR().AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));
        services.AddDataProtection()
            .SetApplicationName("ContactCenter")
            .PersistKeysToDbContext<ContactCenterDbContext>();
        health
            .AddNpgSql(database.ConnectionString, name: "postgresql", tags: ["cluster"])
            .AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: ["cluster"]);
        return builder;
    }

    /// <summary><c>GET /health</c>: 200 "Healthy" when this node and what it shares are reachable, 503 otherwise.</summary>
    public static WebApplication MapContactCenterCluster(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions()).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}

/// <summary>Present in the container only on a cluster node.</summary>
public sealed record ClusterSettings(string RedisConfiguration);
