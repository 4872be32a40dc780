using System.Diagnostics.Metrics;
using System.Globalization;
using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.UserAgent;

/// <summary>Forged and flooding INVITEs: no amplification, a per-address rate limit, refusals counted.</summary>
public sealed class SipUserAgentAbuseTests
{
    // Short timers so that retransmissions, if any, show up within the test's listening window.
    private static readonly SipTimerOptions s_fastTimers = new()
    {
        T1 = TimeSpan.FromMilliseconds(50),
        T2 = TimeSpan.FromMilliseconds(400),
        T4 = TimeSpan.FromSeconds(1),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Invite_BadTokens_AtMostOneResponseEach(bool tcp)
    {
        await using var uas = new UasHarness(o => o.InvitesPerSecondPerAddress = 0, timers: s_fastTimers);
        using var attacker = uas.Client(tcp);
        const int count = 40;

        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            attacker.Send(SipScript.Invite(attacker, "forged-" + id, "z9hG4bKforged" + id, uui: "forged;encoding=jwt"));
        }
        var responses = ReceiveAll(attacker, TimeSpan.FromSeconds(2.5));

        Assert.True(responses.Count <= count, $"{responses.Count} responses to {count} INVITEs: {string.Join(",", responses)}");
        Assert.Equal(count, responses.Count(s => s == 403));
        Assert.Equal(count, uas.Handler.Invites.Count);
    }

    [Fact]
    public async Task Invite_OverTheRate_503WithRetryAfterOnceThenSilenceAndCounted()
    {
        await using var uas = new UasHarness(o => (o.InvitesPerSecondPerAddress, o.InviteBurstPerAddress) = (1, 3), timers: s_fastTimers);
        var refusals = new List<(long Value, bool Answered)>();
        using var listener = ListenToRefusals(uas, refusals);
        using var phone = uas.Client();
        const int count = 10;

        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            phone.Send(SipScript.Invite(phone, "flood-" + id, "z9hG4bKflood" + id, uui: "forged;encoding=jwt"));
        }
        var messages = ReceiveMessages(phone, TimeSpan.FromSeconds(1.5));

        Assert.Equal(3, uas.Handler.Invites.Count);
        Assert.Equal(3, messages.Count(m => m.StatusCode == 403));
        var unavailable = Assert.Single(messages, m => m.StatusCode == 503);
        Assert.Equal("1", unavailable.GetHeader("Retry-After"));
        Assert.True(messages.Count <= count);
        lock (refusals)
        {
            Assert.Equal(count - 3, refusals.Sum(r => r.Value));
            Assert.Equal(1, refusals.Where(r => r.Answered).Sum(r => r.Value));
        }
    }

    [Fact]
    public async Task Invite_OverTheRateFromOneAddress_OtherAddressStillServed()
    {
        await using var uas = new UasHarness(o => (o.InvitesPerSecondPerAddress, o.InviteBurstPerAddress) = (1, 2));
        using var flooder = uas.Client();
        for (var i = 0; i < 10; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            flooder.Send(SipScript.Invite(flooder, "f-" + id, "z9hG4bKf" + id, uui: "forged;encoding=jwt"));
        }
        Assert.Contains(ReceiveMessages(flooder, TimeSpan.FromSeconds(0.5)), m => m.StatusCode == 503);

        using var phone = new SipTestClient(uas.Agent.LocalEndPoint, tcp: false, local: System.Net.IPAddress.Parse("127.0.0.2"));
        phone.Send(SipScript.Invite(phone, "other", "z9hG4bKother", uui: "forged;encoding=jwt"));

        Assert.NotNull(phone.ReceiveStatus(403));
    }

    private static MeterListener ListenToRefusals(UasHarness uas, List<(long, bool)> refusals)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == uas.Agent.Metrics.Meter && instrument.Name == "contactcenter.sip.invites.refused")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var rateLimited = false;
            var answered = false;
            foreach (var tag in tags)
            {
                rateLimited |= tag is { Key: "reason", Value: "rate_limit" };
                answered |= tag is { Key: "answered", Value: true };
            }
            if (rateLimited)
            {
                lock (refusals)
                {
                    refusals.Add((value, answered));
                }
            }
        });
        listener.Start();
        return listener;
    }

    private static List<int> ReceiveAll(SipTestClient client, TimeSpan window) =>
        [.. ReceiveMessages(client, window).Select(m => m.StatusCode)];

    private static List<ContactCenter.Sip.Messages.SipMessage> ReceiveMessages(SipTestClient client, TimeSpan window)
    {
        var received = new List<ContactCenter.Sip.Messages.SipMessage>();
        var deadline = DateTime.UtcNow + window;
        while (DateTime.UtcNow < deadline)
        {
            var m = client.Receive(deadline - DateTime.UtcNow);
            if (m is not null && !m.IsRequest)
            {
                received.Add(m);
            }
        }
        return received;
    }
}
