using LabSandbox.Grains.Runs;
using Xunit;

namespace LabSandbox.Api.Tests.Architecture;

/// <summary>
/// No namespace of src/Grains uses, directly or through others, a namespace that uses it back: each feature
/// folder (and each run kind's folder under Runs/) can be read, moved or removed with only what it names.
/// Read from IL, so a reference inside a method body counts.
/// </summary>
public sealed class FeatureCycleTests
{
    private const string Grains = "LabSandbox.Grains";

    [Fact]
    public void No_namespace_cycle_among_the_feature_folders_of_Grains()
    {
        var cycles = NamespaceGraph.Read(typeof(RunGrain).Assembly.Location, Grains + ".").Cycles();
        Assert.True(cycles.Count == 0, "Namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" <-> ", c))));
    }

    [Fact]
    public void The_graph_sees_the_features_and_their_real_dependencies()
    {
        var graph = NamespaceGraph.Read(typeof(RunGrain).Assembly.Location, Grains + ".");
        Assert.Contains(Grains + ".Runs", graph.Edges.Keys);
        Assert.Contains(Grains + ".Artifacts", graph.Edges[Grains + ".Runs"]); // the executor writes a run's artifacts
        Assert.Contains(Grains + ".Engine.Simulation", graph.Edges[Grains + ".Runs.Simulation"]); // inside a method body only
    }

    [Fact]
    public void Positive_control_a_deliberate_cycle_is_reported()
    {
        const string control = "LabSandbox.Api.Tests.Architecture.CycleControl";
        var cycles = NamespaceGraph.Read(typeof(FeatureCycleTests).Assembly.Location, control).Cycles();
        var cycle = Assert.Single(cycles);
        Assert.Equal([control + ".Left", control + ".Right"], cycle);
    }
}
