using System.Diagnostics;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Simulations;

namespace LabSandbox.Grains.Runs.Simulation;

[GenerateSerializer]
public sealed class SimulationCheckpointState
{
    [Id(0)] public SimulationCheckpoint? Checkpoint { get; set; }
}

public sealed class SimulationCheckpointGrain(
    [PersistentState("simulationCheckpoint", LabStorage.Name)] IPersistentState<SimulationCheckpointState> state)
    : Grain, ISimulationCheckpointGrain
{
    /// <summary>Keeps the checkpoint covering the most chunks: a late, older save never rolls it back.</summary>
    public async Task SaveAsync(SimulationCheckpoint checkpoint)
    {
        if (state.State.Checkpoint is { } current
            && current.NSims == checkpoint.NSims && current.ChunkSize == checkpoint.ChunkSize
            && current.CompletedChunks.Count >= checkpoint.CompletedChunks.Count)
        {
            return;
        }

        state.State.Checkpoint = checkpoint;
        var started = Stopwatch.GetTimestamp();
        await state.WriteStateAsync();
        LabMetrics.CheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        LabMetrics.CheckpointsWritten.Add(1);
    }

    public Task<SimulationCheckpoint?> GetAsync() => Task.FromResult(state.State.Checkpoint);
}
