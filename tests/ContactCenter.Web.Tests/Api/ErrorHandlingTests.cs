using System.Net;
using ContactCenter.Core.Domain;
using ContactCenter.Data;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

public sealed class ErrorHandlingTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task UnknownPathUnderV1_Returns404WithErrorBody()
    {
        var response = await fixture.Factory.CreateDemoClient().GetAsync($"{Base()}/widgets");

        await response.AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Returns405WithErrorBody()
    {
        var response = await fixture.Factory.CreateDemoClient().PatchAsync($"{Base()}/sessions/x", Json("{}"));

        await response.AssertErrorAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task SuccessfulResponse_CarriesARequestIdHeader()
    {
        var response = await fixture.Factory.CreateDemoClient().PostAsync($"{Base()}/sessions", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues("X-Request-Id"))));
    }

    [Fact]
    public async Task MissingRequiredBody_Returns400()
    {
        var client = fixture.Factory.CreateDemoClient();
        var session = await client.CreateSessionAsync();

        var response = await client.PutAsync($"{Base()}/sessions/{session}/mode", Json(""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "body is required");
    }

    [Fact]
    public async Task UnhandledException_Returns500WithErrorBodyAndNothingWritten()
    {
        var folder = ApiFactory.CreateFolder();
        try
        {
            await using var factory = new ApiFactory(folder, services =>
            {
                // Whichever provider this run uses: each has its own context type.
                services.ConfigureDbContext<ContactCenterDbContext>(o => o.AddInterceptors(new FailingSessionSave()));
                services.ConfigureDbContext<PostgresContactCenterDbContext>(o => o.AddInterceptors(new FailingSessionSave()));
            });
            var client = factory.CreateDemoClient();

            var response = await client.PostAsync($"{Base()}/sessions", Json("""{"tag":"doomed"}"""));

            var error = await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "requestId");
            Assert.DoesNotContain("disk on fire", error, StringComparison.Ordinal);
            await using var scope = factory.Services.CreateAsyncScope();
            Assert.Empty(scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>().Sessions);
        }
        finally
        {
            ApiFactory.DeleteFolder(folder);
        }
    }

    /// <summary>Fails every commit that adds a session, as a broken disk would.</summary>
    private sealed class FailingSessionSave : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<Session>().Any(e => e.State == EntityState.Added))
            {
                throw new IOException("disk on fire");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
