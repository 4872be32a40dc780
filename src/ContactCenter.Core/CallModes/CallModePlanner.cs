using ContactCenter.Core.Domain;
using ContactCenter.Core.Rules;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.CallModes;

/// <summary>
/// A call mode as a pure function: roster → every member's subscriptions (CallModes/README.md).
/// <para>
/// Every member gets an explicit participant list (or <see cref="Subscriptions.None"/>), never a session-level
/// subscription, even in <see cref="CallMode.FullyWired"/>: a supervisor who joins later to monitor must not be
/// heard by the customer in the moment before Monitor is applied. Someone who joins a planned call hears and is
/// heard by nobody until the next mode change names it.
/// </para>
/// <para>
/// The table speaks of roles. With several members of one role:
/// customers hear each other and agents hear each other whenever their role is in the conversation
/// (every mode except that on-hold customers hear nothing in Consult and a replaced agent hears nothing in TakeOver);
/// supervisors hear each other in every mode in which a supervisor speaks to anyone (Whisper, GroupWhisper, Barge,
/// TakeOver, Consult), so that co-supervisors know what was said, and never in Monitor, where no edge leaves any
/// supervisor at all.
/// </para>
/// </summary>
public static class CallModePlanner
{
    /// <summary>The stream alias of a supervisor that an agent hears in <see cref="CallMode.Whisper"/>.</summary>
    public const string WhisperAlias = "microphone";

    private static readonly string[] _whisperAliases = [WhisperAlias];

    private enum Reception
    {
        Nothing,
        AllStreams,
        MicrophoneOnly,
    }

    /// <summary>
    /// Every roster member's subscriptions under <paramref name="mode"/>, keyed by participant id.
    /// Fails with a validation error when the roster breaks <see cref="CallRules.CheckRoster"/>.
    /// </summary>
    public static CallResult<IReadOnlyDictionary<string, Subscriptions>> Plan(string sessionId, IReadOnlyList<RosterEntry> roster, CallMode mode)
    {
        if (CallRules.CheckRoster(roster, mode) is { } error)
        {
            return error;
        }

        var plan = new Dictionary<string, Subscriptions>(roster.Count, StringComparer.Ordinal);
        foreach (var receiver in roster)
        {
            var heard = new List<ParticipantSubscription>();
            foreach (var publisher in roster)
            {
                if (publisher.ParticipantId == receiver.ParticipantId)
                {
                    continue;
                }

                switch (Receives(mode, receiver.Role, publisher.Role))
                {
                    case Reception.AllStreams:
                        heard.Add(new ParticipantSubscription(publisher.ParticipantId));
                        break;
                    case Reception.MicrophoneOnly:
                        heard.Add(new ParticipantSubscription(publisher.ParticipantId, _whisperAliases));
                        break;
                }
            }

            // An empty list next to a session id would mean the whole session, so "nothing" is None.
            plan[receiver.ParticipantId] = heard.Count == 0 ? Subscriptions.None : new Subscriptions(sessionId, heard);
        }

        return CallResult<IReadOnlyDictionary<string, Subscriptions>>.Ok(plan);
    }

    /// <summary>What a <paramref name="receiver"/> receives from a <paramref name="publisher"/>: the table in CallModes/README.md.</summary>
    private static Reception Receives(CallMode mode, CallRole receiver, CallRole publisher) => mode switch
    {
        // C, A and S receive everyone.
        CallMode.FullyWired => Reception.AllStreams,

        // C ← A; A ← C; S ← C, A. Nobody receives S.
        CallMode.Monitor => publisher == CallRole.Supervisor ? Reception.Nothing : Reception.AllStreams,

        // C ← A; A ← C, S's microphone only; S ← C, A (and the other supervisors). C never receives S.
        CallMode.Whisper => (receiver, publisher) switch
        {
            (CallRole.Customer, CallRole.Supervisor) => Reception.Nothing,
            (CallRole.Agent, CallRole.Supervisor) => Reception.MicrophoneOnly,
            _ => Reception.AllStreams,
        },

        // C ← the agents; A ← C, the other agents, S; S ← all.
        CallMode.GroupWhisper => (receiver, publisher) == (CallRole.Customer, CallRole.Supervisor) ? Reception.Nothing : Reception.AllStreams,

        // C ← A, S; A ← C, S; S ← C, A (and the other supervisors).
        CallMode.Barge => Reception.AllStreams,

        // C ← S; A ← nothing; S ← C (and the other supervisors). Nobody receives A.
        CallMode.TakeOver => receiver == CallRole.Agent || publisher == CallRole.Agent ? Reception.Nothing : Reception.AllStreams,

        // C ← nothing; A ← S; S ← A (and the other supervisors). Nobody receives C.
        CallMode.Consult => receiver == CallRole.Customer || publisher == CallRole.Customer ? Reception.Nothing : Reception.AllStreams,

        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
