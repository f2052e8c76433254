using System.Diagnostics;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Runs.Abstractions;
using Orleans.Placement;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// Runs one chunk on the silo it was placed on (at random, so chunks spread over the cluster); the CPU
/// work runs on the thread pool, not on the Orleans scheduler. One activation per chunk attempt.
/// </summary>
[RandomPlacement]
public sealed class SimulationChunkGrain(SimulationModelCache models) : Grain, ISimulationChunkGrain
{
    public async Task<SimulationChunkResult> RunAsync(SimulationChunk chunk)
    {
        // Only under a caller's trace: an untraced call must not start a trace per chunk.
        using var span = Activity.Current is null ? null : LabTracing.StartRunSpan(LabTracing.RunChunk, chunk.RunId);
        span?.SetTag(LabTracing.ChunkIndexKey, chunk.ChunkIndex);
        span?.SetTag(LabTracing.ChunkSimulationsKey, chunk.Count);
        span?.SetTag(LabTracing.SiloKey, RuntimeIdentity);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var compiled = await models.GetAsync(chunk.Inputs, GrainFactory);
            var totals = await Task.Run(() =>
            {
                if (compiled.Fielded is { } fielded)
                {
                    // A modeled field: simulation i plays field i / 1,000 drawn from the run's seed, whatever the chunk.
                    var seat = fielded.Seat ?? throw new NonRetryableRunException("A modeled field's seat has no entry in the pinned pool.");
                    var simulation = new FieldedSimulation(
                        compiled.Tournament, fielded.SourceFor((long)chunk.Seed), seat, compiled.ScoringRules, compiled.Payouts);
                    var fieldedTotals = simulation.CreateAccumulator();
                    simulation.Run(chunk.Seed, chunk.Start, chunk.Count, fieldedTotals);
                    return fieldedTotals.ToCanonicalBytes();
                }

                var kernel = new SimulationKernel(compiled.Tournament, compiled.Pool);
                var accumulator = kernel.CreateAccumulator();
                kernel.Run(chunk.Seed, chunk.Start, chunk.Count, accumulator);
                return accumulator.ToCanonicalBytes();
            });
            // Recorded here, on the silo that did the work: the counter's rate per scrape target is that silo's throughput.
            LabMetrics.ChunkDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            LabMetrics.SimulationsCompleted.Add(chunk.Count, LabMetrics.Kind(RunKinds.Simulation));
            return new SimulationChunkResult(chunk.ChunkIndex, totals, RuntimeIdentity);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
