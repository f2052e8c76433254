namespace LabSandbox.Grains.Interfaces.Simulations;

/// <summary>
/// The merged totals of every completed chunk of a run (integer sums: order does not matter) and which
/// chunks they are, for a given chunk layout. A resumed run re-executes only the chunks not listed.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SimulationCheckpoint")]
public sealed record SimulationCheckpoint(
    [property: Id(0)] long NSims,
    [property: Id(1)] int ChunkSize,
    [property: Id(2)] IReadOnlyList<int> CompletedChunks,
    [property: Id(3)] byte[] Totals);

/// <summary>Holds a simulation run's latest checkpoint (key: run id).</summary>
[Alias("LabSandbox.ISimulationCheckpointGrain")]
public interface ISimulationCheckpointGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task SaveAsync(SimulationCheckpoint checkpoint);

    [ReadOnly, Alias("Get")]
    Task<SimulationCheckpoint?> GetAsync();
}
