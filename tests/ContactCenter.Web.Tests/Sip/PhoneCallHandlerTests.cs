using ContactCenter.Core.Agents;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Web.Tests.Infrastructure;
using ContactCenter.Sip.Tests.Sipp;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Sip;

/// <summary>Phones through the real host: sipp against the SIP port, checked in the control plane and the queue.</summary>
public sealed class PhoneCallHandlerTests(SipHostFixture fixture) : IClassFixture<SipHostFixture>
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OnInviteAsync_BadToken_Answers403()
    {
        var result = await SippRunner.RunAsync("uac-bad-token.xml", fixture.SipEndPoint, token: "not-a-jwt");

        Assert.False(result.TimedOut, result.Output);
        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
    }

    [Fact]
    public async Task OnInviteAsync_TokenWithoutAudioPermission_Answers403()
    {
        var (_, _, token) = await fixture.CreateMemberAsync([PublishPermission.Video]);

        var result = await SippRunner.RunAsync("uac-bad-token.xml", fixture.SipEndPoint, token: token);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
    }

    [Fact]
    public async Task OnInviteAsync_TokenOfAParticipantRemovedFromItsSession_Answers403AndDoesNotReAdd()
    {
        // A caller whose call ended keeps the token their page was given; its `ses` claim still names the session.
        var (participant, sessionId, token) = await fixture.CreateMemberAsync([PublishPermission.Audio]);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var removed = await scope.ServiceProvider.GetRequiredService<SessionService>()
                .RemoveMemberAsync(ApiFactory.DemoAccount, sessionId, participant.Id);
            Assert.True(removed.IsSuccess, removed.ToString());
        }

        var result = await SippRunner.RunAsync("uac-bad-token.xml", fixture.SipEndPoint, token: token);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        Assert.Null((await fixture.FindParticipantAsync(participant.Id))!.SessionId);
    }

    [Fact]
    public async Task OnCallEnded_PhoneSendsBye_RemovesMemberKeepsParticipantAndDeliversDigits()
    {
        var (participant, sessionId, token) = await fixture.CreateMemberAsync([PublishPermission.Audio]);
        var digits = new List<char>();
        using var feed = fixture.Factory.Services.GetRequiredService<IDtmfFeed>().Subscribe(sessionId, d =>
        {
            lock (digits)
            {
                digits.Add(d);
            }
        });

        var result = await SippRunner.RunAsync("uac-token-call.xml", fixture.SipEndPoint, token: token);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        var left = await WaitForAsync(async () => await fixture.FindParticipantAsync(participant.Id) is { SessionId: null });
        Assert.True(left, "the phone's participant is still a member of its session after BYE");
        lock (digits)
        {
            Assert.Equal("123#", new string([.. digits]));
        }
    }

    [Fact]
    public async Task OnInviteAsync_TrunkCall_EntersQueueWithCallerNumberNotInTag()
    {
        var center = fixture.Factory.Services.GetRequiredService<CallCenter>();
        var seen = new List<LiveCallView>();
        using var subscription = center.Subscribe(() =>
        {
            lock (seen)
            {
                seen.AddRange(center.ActiveCalls);
            }

            return Task.CompletedTask;
        });

        var result = await SippRunner.RunAsync("uac-trunk-hold.xml", fixture.SipEndPoint);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        LiveCallView[] phoneCalls;
        lock (seen)
        {
            phoneCalls = [.. seen.Where(c => c.CustomerName == "+15557654321")];
        }

        Assert.NotEmpty(phoneCalls);
        Assert.Contains(phoneCalls, c => c.State == CallState.Waiting);
        Assert.All(phoneCalls, c => Assert.Equal("phone", c.CustomerTag));
        var ended = await WaitForAsync(() => Task.FromResult(center.GetCall(phoneCalls[0].CallId) is null or { State: CallState.Ended }));
        Assert.True(ended, "the queued phone call did not end after BYE");
    }

    [Fact]
    public async Task OnQueueChanged_QueueEndsTrunkCall_PhoneGetsBye()
    {
        var center = fixture.Factory.Services.GetRequiredService<CallCenter>();
        var sipp = SippRunner.RunAsync("uac-trunk-until-bye.xml", fixture.SipEndPoint);
        var sip = fixture.Factory.Services.GetRequiredService<ContactCenter.Sip.UserAgent.SipUserAgent>();

        var established = await WaitForAsync(() => Task.FromResult(
            center.ActiveCalls.FirstOrDefault(c => c.CustomerName == "+15550005555") is { } call
            && sip.Calls.Any(c => c.Decision.SessionId == call.CallId && c.State == ContactCenter.Sip.UserAgent.SipCallState.Established)));
        Assert.True(established, "the trunk call did not reach the queue");
        var queued = center.ActiveCalls.First(c => c.CustomerName == "+15550005555");
        Assert.True((await center.CallerHangUpAsync(queued.CallId)).IsSuccess);

        var result = await sipp;
        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
    }

    /// <summary>Waits for a condition the host reaches asynchronously after sipp is done; bounded, never a timing assertion.</summary>
    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + s_bound;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }
}
