using ContactCenter.Core.Domain;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// Thrown by <see cref="ICallStore.SaveChangesAsync"/> when the database refused a member beyond
/// <see cref="Session.MaxMembers"/>: the cap is a database rule (a trigger that locks the session's row), so it holds
/// when several nodes add members to one session at once, not only inside one process.
/// </summary>
public sealed class SessionFullException : Exception
{
    public SessionFullException()
        : base($"The session already has {Session.MaxMembers} members.")
    {
    }

    public SessionFullException(string message)
        : base(message)
    {
    }

    public SessionFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
