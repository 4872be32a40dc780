namespace ContactCenter.Core.Services;

/// <summary>The not-found errors, worded the same by every service.</summary>
internal static class Missing
{
    public static CallError Account(string accountId) => CallError.NotFound($"Account {accountId} was not found.");

    public static CallError Session(string sessionId) => CallError.NotFound($"Session {sessionId} was not found.");

    public static CallError Participant(string participantId) => CallError.NotFound($"Participant {participantId} was not found.");

    public static CallError Member(string participantId, string sessionId) =>
        CallError.NotFound($"Participant {participantId} is not a member of session {sessionId}.");
}
