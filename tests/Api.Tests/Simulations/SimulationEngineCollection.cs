using Xunit;

namespace LabSandbox.Api.Tests.Simulations;

/// <summary>
/// Test classes whose runs keep every core busy (timings, progress rates, cancellation windows): they run
/// one after another and apart from the parallel test collections, so no other test competes for the CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SimulationEngineCollection
{
    public const string Name = "Simulation engine (CPU-bound)";
}
