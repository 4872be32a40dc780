namespace ContactCenter.E2E.Restart;

/// <summary>
/// The restart test kills and starts a host process and gives the browsers a time budget to reconnect, so it runs
/// alone, after the collections that run in parallel (three Chromiums and a host on two cores are enough load).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RestartCollection
{
    public const string Name = "restart";
}
