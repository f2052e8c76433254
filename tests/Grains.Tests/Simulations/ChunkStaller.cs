using System.Collections.Concurrent;
using LabSandbox.Grains.Interfaces.Simulations;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>
/// Silo-side call filter that holds one attempt's chunk calls for a while before running them, so the attempt is
/// still busy when a test has cut it off (<see cref="AttemptSilencer"/>) and its lease lapses; it then ends by itself.
/// </summary>
public sealed class ChunkStaller : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, TimeSpan> Stalled = new();

    /// <summary>Chunk calls of <paramref name="runId"/>'s attempt <paramref name="attempt"/> wait <paramref name="delay"/> first.</summary>
    public static void Stall(string runId, int attempt, TimeSpan delay) => Stalled[$"{runId}:{attempt}:"] = delay;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(ISimulationChunkGrain) && context.TargetId.Key.ToString() is { } key)
        {
            foreach (var (prefix, delay) in Stalled)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    await Task.Delay(delay);
                }
            }
        }

        await context.Invoke();
    }
}
