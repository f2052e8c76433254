using System.Collections.Concurrent;
using System.Diagnostics;
using LabSandbox.Grains.Interfaces.Simulations;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>What happened to one <see cref="ISimulationChunkGrain.RunAsync"/> call, as the silo that executed it saw it.</summary>
public enum ChunkCallPhase
{
    Started,
    Completed,
    Faulted,
}

/// <summary>One recorded chunk call: the run and chunk, the executing silo, and when (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed record ChunkCall(string RunId, int ChunkIndex, string GrainKey, SiloAddress Silo, ChunkCallPhase Phase, long At);

/// <summary>
/// Silo-side call filter recording every <see cref="ISimulationChunkGrain.RunAsync"/> call (start and end)
/// with the silo that executed it. The TestCluster silos run in the test process, so a static store
/// reaches them; run ids are unique per test, so records of different tests never mix.
/// </summary>
public sealed class ChunkCallRecorder(ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    private static readonly ConcurrentQueue<ChunkCall> Calls = new();

    public static IReadOnlyList<ChunkCall> For(string runId) => Calls.Where(c => c.RunId == runId).ToList();

    /// <summary>The chunks of <paramref name="runId"/> whose call completed, by executing silo.</summary>
    public static IReadOnlyList<ChunkCall> Completed(string runId) =>
        For(runId).Where(c => c.Phase == ChunkCallPhase.Completed).ToList();

    /// <summary>
    /// Waits until every started chunk call of <paramref name="runId"/> has ended and none started for
    /// <paramref name="quiet"/>; returns the calls recorded by then.
    /// </summary>
    public static async Task<IReadOnlyList<ChunkCall>> WaitQuiescentAsync(string runId, TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var seen = -1;
        var stableSince = Stopwatch.GetTimestamp();
        while (true)
        {
            var calls = For(runId);
            var open = calls.Count(c => c.Phase == ChunkCallPhase.Started) - calls.Count(c => c.Phase != ChunkCallPhase.Started);
            if (calls.Count != seen || open > 0)
            {
                seen = calls.Count;
                stableSince = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(stableSince) >= quiet)
            {
                return calls;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"chunk calls of run {runId} kept going: {calls.Count} recorded, {open} open");
            }

            await Task.Delay(50);
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType != typeof(ISimulationChunkGrain)
            || context.Request.GetArgument(0) is not SimulationChunk chunk)
        {
            await context.Invoke();
            return;
        }

        var key = context.TargetId.Key.ToString()!;
        Calls.Enqueue(new ChunkCall(chunk.RunId, chunk.ChunkIndex, key, silo.SiloAddress, ChunkCallPhase.Started, Stopwatch.GetTimestamp()));
        try
        {
            await context.Invoke();
            Calls.Enqueue(new ChunkCall(chunk.RunId, chunk.ChunkIndex, key, silo.SiloAddress, ChunkCallPhase.Completed, Stopwatch.GetTimestamp()));
        }
        catch
        {
            Calls.Enqueue(new ChunkCall(chunk.RunId, chunk.ChunkIndex, key, silo.SiloAddress, ChunkCallPhase.Faulted, Stopwatch.GetTimestamp()));
            throw;
        }
    }
}
