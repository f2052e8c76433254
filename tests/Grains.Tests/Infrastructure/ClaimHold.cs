using System.Collections.Concurrent;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>
/// Silo-side outgoing call filter that holds an executor's <c>TryStartAsync</c> for chosen runs until the
/// test releases it, so a test can act on a run that is certainly still queued. It waits in the caller
/// (the executor), never inside the run grain, so the run grain stays free to take other calls.
/// </summary>
public sealed class ClaimHold : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Held = new();

    /// <summary>Holds the claims of <paramref name="runId"/>; call before creating the run.</summary>
    public static void Hold(string runId) =>
        Held.TryAdd(runId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static void Release(string runId)
    {
        if (Held.TryGetValue(runId, out var gate))
        {
            gate.TrySetResult();
        }
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(IRunGrain)
            && context.InterfaceMethod.Name == nameof(IRunGrain.TryStartAsync)
            && Held.TryGetValue(context.TargetId.Key.ToString()!, out var gate))
        {
            await gate.Task.WaitAsync(SlowRunGate.MaxWait);
        }

        await context.Invoke();
    }
}
