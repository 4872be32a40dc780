using ContactCenter.LoadGen.Metrics;
using ContactCenter.LoadGen.Ours;

namespace ContactCenter.LoadGen.Client;

internal static class TargetFactory
{
    public static ILoadTarget Create(LoadGenOptions options, LoadStats stats) => options.Target switch
    {
        "janus" => new Janus.JanusTarget(options.JanusUrl, stats),
        _ => new OursTarget(options.Server, options.Account, options.User, options.Password, stats),
    };
}
