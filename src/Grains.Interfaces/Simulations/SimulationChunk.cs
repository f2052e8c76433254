using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Interfaces.Simulations;

/// <summary>
/// What every chunk of a simulation run samples: pinned datasets, win model and starting state, and — for a modeled
/// field — where its opponents come from (<see cref="Field"/>; null: the pool's real entries).
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SimulationInputs")]
public sealed record SimulationInputs(
    [property: Id(0)] DatasetRef Tournament,
    [property: Id(1)] DatasetRef Calcutta,
    [property: Id(2)] double Sigma,
    [property: Id(3)] string StartingState,
    [property: Id(4)] string? ExcludedEntryKey,
    [property: Id(5)] FieldInputs? Field = null);

/// <summary>
/// A modeled field: the model, its pinned fitted parameters, the pinned market shares a <c>market_sampled</c> draw is
/// proportional to, and the seat's entry key. The opponents are as many as the pinned entries other than the excluded
/// entry and the seat.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.FieldInputs")]
public sealed record FieldInputs(
    [property: Id(0)] string Model,
    [property: Id(1)] string ParametersArtifactId,
    [property: Id(2)] string? MarketShareArtifactId,
    [property: Id(3)] string SeatEntryKey);

/// <summary>Simulations [Start, Start + Count) of a run under its seed.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SimulationChunk")]
public sealed record SimulationChunk(
    [property: Id(0)] string RunId,
    [property: Id(1)] int ChunkIndex,
    [property: Id(2)] long Start,
    [property: Id(3)] long Count,
    [property: Id(4)] ulong Seed,
    [property: Id(5)] SimulationInputs Inputs);

/// <summary>A chunk's exact totals (the engine's canonical accumulator bytes) and the silo that computed them.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SimulationChunkResult")]
public sealed record SimulationChunkResult(
    [property: Id(0)] int ChunkIndex,
    [property: Id(1)] byte[] Totals,
    [property: Id(2)] string Silo);

/// <summary>Computes one chunk. Placed at random, so a run's chunks spread over every silo.</summary>
[Alias("LabSandbox.ISimulationChunkGrain")]
public interface ISimulationChunkGrain : IGrainWithStringKey
{
    /// <summary>Chunks may hold up to 10,000,000 simulations: far longer than the default 30 s response timeout allows on a slow core.</summary>
    [Alias("Run"), ResponseTimeout("00:10:00")]
    Task<SimulationChunkResult> RunAsync(SimulationChunk chunk);
}
