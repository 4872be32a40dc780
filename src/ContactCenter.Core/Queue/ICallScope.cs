using ContactCenter.Core.Persistence;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.Queue;

/// <summary>The scoped control-plane services for one queue operation (one DI scope, one unit of work).</summary>
public interface ICallScope : IAsyncDisposable
{
    ICallStore Store { get; }

    SessionService Sessions { get; }

    ParticipantService Participants { get; }

    CallControl Control { get; }
}
