using ContactCenter.Core.Auditing;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Core.Tests.TestDoubles;

/// <summary>
/// The services over one in-memory store, router, lock table, audit log and clock. Each service property
/// returns a new instance, as a new DI scope would.
/// </summary>
internal sealed class CallHarness
{
    public const string AccountId = "acct-1";
    public const string OtherAccountId = "acct-2";

    private int _next;

    public CallHarness()
    {
        Store.Seed(new Account(AccountId, "Account one", Time.GetUtcNow()));
        Store.Seed(new Account(OtherAccountId, "Account two", Time.GetUtcNow()));
    }

    public InMemoryCallStore Store { get; } = new();

    public RecordingMediaRouter Router { get; } = new();

    public SessionLocks Locks { get; } = new();

    public InMemoryModeAuditLog Audit { get; } = new();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public CallEvents Events { get; } = new();

    public SessionService Sessions => new(Store, Router, Locks, Time, Events);

    public ParticipantService Participants => new(Store, Router, Locks, Time, Events);

    public CallControl Control => new(Store, Router, Locks, Audit, Time, NullLogger<CallControl>.Instance, Events);

    public Session NewSession(string? id = null, string accountId = AccountId) =>
        Store.Seed(new Session(id ?? $"s{++_next}", accountId, null, Time.GetUtcNow()));

    public Participant NewParticipant(string? id = null, string accountId = AccountId) => Store.Seed(Create(id, accountId));

    /// <summary>A participant already in <paramref name="session"/>, committed without going through the services.</summary>
    public Participant Member(Session session, string? id = null, Subscriptions? subscriptions = null)
    {
        var participant = Create(id, session.AccountId);
        participant.Join(session.Id, Time.GetUtcNow());
        participant.SetSubscriptions(subscriptions ?? Subscriptions.None);
        return Store.Seed(participant);
    }

    private Participant Create(string? id, string accountId) =>
        new(id ?? $"p{++_next}", accountId, [PublishPermission.Audio], null, null, "V3", Time.GetUtcNow());

    /// <summary>Edges as "publisher/alias -> subscriber", the way the tests write them.</summary>
    public static string[] Text(IEnumerable<ForwardingEdge> edges) => edges.Select(e => e.ToString()).ToArray();
}
