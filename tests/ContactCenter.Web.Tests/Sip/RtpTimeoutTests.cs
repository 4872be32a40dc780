using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tokens;
using ContactCenter.Sip;
using ContactCenter.Sip.Tests.Sipp;
using ContactCenter.Web.Sip;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Sip;

/// <summary>A phone that stops sending RTP is hung up by the server and leaves its session; the participant stays.</summary>
public sealed class RtpTimeoutTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(configureServices: services => services.Configure<SipOptions>(o => o.NoRtpTimeoutSeconds = 2));

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OnCallEnded_NoRtpTimeout_ServerHangsUpAndMemberLeaves()
    {
        string participantId;
        string token;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var sessions = services.GetRequiredService<SessionService>();
            var session = await sessions.CreateAsync(ApiFactory.DemoAccount, "sip-timeout");
            var participant = await services.GetRequiredService<ParticipantService>()
                .CreateAsync(ApiFactory.DemoAccount, new NewParticipant([PublishPermission.Audio], "sip-timeout"));
            Assert.True((await sessions.AddMemberAsync(ApiFactory.DemoAccount, session.Value!.Id, participant.Value!.Id, null)).IsSuccess);
            participantId = participant.Value.Id;
            token = services.GetRequiredService<ParticipantTokenService>().Issue(participant.Value).Value;
        }

        var sip = _factory.Services.GetRequiredService<SipHostedService>().Agent!;
        var result = await SippRunner.RunAsync("uac-silent-token-call.xml", sip.LocalEndPoint, token: token);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        Participant? found;
        do
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            found = (await scope.ServiceProvider.GetRequiredService<ParticipantService>().GetAsync(ApiFactory.DemoAccount, participantId)).Value;
            if (found?.SessionId is null)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);

        Assert.NotNull(found);
        Assert.Null(found.SessionId);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        ApiFactory.DeleteFolder(_factory.Folder);
    }
}
