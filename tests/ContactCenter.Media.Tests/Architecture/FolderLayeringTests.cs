using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Architecture;

/// <summary>
/// The Media folders form layers with no import loop (Transport → Peers → Routing → Phones, each using only what
/// is below it). Read from the compiled assembly, so a loop that comes back fails here whichever way it is written.
/// </summary>
public sealed class FolderLayeringTests
{
    private const string Root = "ContactCenter.Media";

    private static readonly Dictionary<string, HashSet<string>> s_graph = FolderGraph.Build(typeof(SfuRouter).Assembly, Root);

    [Fact]
    public void MediaAssembly_FolderDependencies_HaveNoLoop()
    {
        var cycle = FolderGraph.FindCycle(s_graph);

        Assert.True(cycle is null, "Media folders import each other in a loop: " + string.Join(" → ", cycle ?? []) + Describe());
    }

    [Theory]
    [InlineData("Transport", "Peers")]
    [InlineData("Transport", "Routing")]
    [InlineData("Peers", "Routing")]
    [InlineData("Peers", "Phones")]
    [InlineData("Routing", "Phones")]
    public void MediaAssembly_LowerFolder_DoesNotUseHigherFolder(string lower, string higher)
    {
        Assert.True(s_graph.ContainsKey(lower) && s_graph.ContainsKey(higher), "both folders exist" + Describe());

        Assert.DoesNotContain(higher, s_graph[lower]);
    }

    [Fact]
    public void Build_TypeUsedOnlyInsideMethodBodies_IsSeen()
    {
        // The ICE-lite responder parses STUN only inside its methods (ref-struct locals and static calls).
        Assert.Contains("Stun", s_graph["Transport"]);
        Assert.Contains("Transport", s_graph["Peers"]);
        Assert.Contains("Routing", s_graph["Phones"]);
    }

    [Fact]
    public void FindCycle_GraphWithALoop_ReturnsTheLoop()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Transport"] = ["Stun"],
            ["Peers"] = ["Transport", "Routing"],
            ["Routing"] = ["Phones"],
            ["Phones"] = ["Peers"],
            ["Stun"] = [],
        };

        var cycle = FolderGraph.FindCycle(graph);

        Assert.Equal(["Peers", "Routing", "Phones", "Peers"], cycle);
    }

    [Fact]
    public void FindCycle_Layers_ReturnsNull()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Transport"] = ["Stun"],
            ["Peers"] = ["Transport"],
            ["Routing"] = ["Peers", "Transport"],
            ["Phones"] = ["Routing", "Peers"],
        };

        Assert.Null(FolderGraph.FindCycle(graph));
    }

    private static string Describe() =>
        Environment.NewLine + string.Join(Environment.NewLine, s_graph.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + " → " + string.Join(", ", p.Value.Order(StringComparer.Ordinal))));
}
