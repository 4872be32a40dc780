using System.Net;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tokens;
using ContactCenter.Sip;
using ContactCenter.Web.Sip;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Sip;

/// <summary>The real host with SIP on an ephemeral port and the loopback address as a trunk (sipp runs there).</summary>
public sealed class SipHostFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new(configureServices: services => services.Configure<SipOptions>(o =>
    {
        o.Port = 0;
        o.Trunks.Add(new SipTrunkOptions { Name = "loopback", Addresses = { "127.0.0.1" } });
    }));

    public IPEndPoint SipEndPoint { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        var agent = Factory.Services.GetRequiredService<SipHostedService>().Agent
            ?? throw new InvalidOperationException("The SIP user agent did not start.");
        SipEndPoint = agent.LocalEndPoint;
        return Task.CompletedTask;
    }

    /// <summary>A participant of the demo account in a new session, and its token.</summary>
    public async Task<(Participant Participant, string SessionId, string Token)> CreateMemberAsync(IReadOnlyList<PublishPermission> permissions)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = await services.GetRequiredService<SessionService>().CreateAsync(ApiFactory.DemoAccount, "sip-test");
        var participant = await services.GetRequiredService<ParticipantService>()
            .CreateAsync(ApiFactory.DemoAccount, new NewParticipant(permissions, "sip-test"));
        var joined = await services.GetRequiredService<SessionService>()
            .AddMemberAsync(ApiFactory.DemoAccount, session.Value!.Id, participant.Value!.Id, null);
        Assert.True(joined.IsSuccess, joined.ToString());
        var token = services.GetRequiredService<ParticipantTokenService>().Issue(participant.Value);
        return (participant.Value, session.Value.Id, token.Value);
    }

    public async Task<Participant?> FindParticipantAsync(string participantId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ParticipantService>().GetAsync(ApiFactory.DemoAccount, participantId);
        return result.IsSuccess ? result.Value : null;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        ApiFactory.DeleteFolder(Factory.Folder);
    }
}
