using System.Net;
using ContactCenter.Data;
using ContactCenter.Testing;
using ContactCenter.Web.Cluster;
using ContactCenter.Web.Signaling;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Cluster;

/// <summary>
/// <c>ConnectionStrings:Redis</c> with PostgreSQL makes the host a cluster node (real PostgreSQL 15 and Redis from
/// tests/services.sh); without it the host is the single SQLite process it always was.
/// </summary>
public sealed class ClusterConfigurationTests
{
    [Fact]
    public async Task Start_WithoutRedis_OneProcessWithItsOwnHubAndHealthy()
    {
        var folder = ApiFactory.CreateFolder();
        try
        {
            await using var factory = new ApiFactory(folder, provider: DatabaseProvider.Sqlite);
            Assert.Null(factory.Services.GetService<ClusterSettings>());
            Assert.IsType<DefaultHubLifetimeManager<RtcHub>>(factory.Services.GetRequiredService<HubLifetimeManager<RtcHub>>());

            var health = await factory.CreateClient().GetAsync(ClusterServiceCollectionExtensions.HealthPath);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        }
        finally
        {
            ApiFactory.DeleteFolder(folder, DatabaseProvider.Sqlite);
        }
    }

    [Fact]
    public async Task Start_PostgresAndRedis_TwoNodesShareBackplaneKeysAndAreHealthy()
    {
        var folder = ApiFactory.CreateFolder();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = TestServices.Redis };
        try
        {
            await using var nodeA = new ApiFactory(folder, provider: DatabaseProvider.Postgres, settings: settings);
            _ = nodeA.Server;
            await using var nodeB = new ApiFactory(folder, provider: DatabaseProvider.Postgres, settings: settings);
            _ = nodeB.Server;

            foreach (var node in new[] { nodeA, nodeB })
            {
                Assert.NotNull(node.Services.GetService<ClusterSettings>());
                Assert.IsType<RedisHubLifetimeManager<RtcHub>>(node.Services.GetRequiredService<HubLifetimeManager<RtcHub>>());
                var health = await node.CreateClient().GetAsync(ClusterServiceCollectionExtensions.HealthPath);
                Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            // What node A protects (a sign-in cookie, say), node B reads: the key ring is in PostgreSQL.
            var protectedByA = nodeA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cluster-test").Protect("signed in on A");
            Assert.Equal("signed in on A", nodeB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cluster-test").Unprotect(protectedByA));
            await using var scope = nodeB.Services.CreateAsyncScope();
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().DataProtectionKeys.ToListAsync());
        }
        finally
        {
            ApiFactory.DeleteFolder(folder, DatabaseProvider.Postgres);
        }
    }

    [Fact]
    public async Task Start_RedisWithSqlite_RefusesWithAClearMessage()
    {
        var folder = ApiFactory.CreateFolder();
        try
        {
            await using var factory = new ApiFactory(folder, provider: DatabaseProvider.Sqlite,
                settings: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1" });
            var error = Assert.ThrowsAny<Exception>(() => factory.Server);
            Assert.Contains("PostgreSQL", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            ApiFactory.DeleteFolder(folder, DatabaseProvider.Sqlite);
        }
    }
}
