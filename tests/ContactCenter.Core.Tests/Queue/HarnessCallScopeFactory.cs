using ContactCenter.Core.Persistence;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;

namespace ContactCenter.Core.Tests.Queue;

/// <summary>Scopes over one <see cref="CallHarness"/>: the same store, router and audit log for every operation.</summary>
internal sealed class HarnessCallScopeFactory(CallHarness harness) : ICallScopeFactory
{
    public int Opened { get; private set; }

    public ICallScope Open()
    {
        Opened++;
        return new Scope(harness);
    }

    private sealed class Scope(CallHarness harness) : ICallScope
    {
        public ICallStore Store => harness.Store;

        public SessionService Sessions => harness.Sessions;

        public ParticipantService Participants => harness.Participants;

        public CallControl Control => harness.Control;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
