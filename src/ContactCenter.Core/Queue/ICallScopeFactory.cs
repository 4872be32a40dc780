namespace ContactCenter.Core.Queue;

/// <summary>Opens a <see cref="ICallScope"/>. The singleton queue outlives requests, so it opens one per operation.</summary>
public interface ICallScopeFactory
{
    ICallScope Open();
}
