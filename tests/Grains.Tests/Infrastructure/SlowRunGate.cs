using System.Collections.Concurrent;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>
/// Holds <see cref="SlowRunHandler"/> executions until a test releases them, one gate per run id. The
/// silos run in the test process, so a process-wide gate reaches them. A forgotten gate gives up after
/// <see cref="MaxWait"/> (the run then fails) so nothing hangs past the test run.
/// </summary>
public static class SlowRunGate
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static Task WaitAsync(string runId) => Gate(runId).Task.WaitAsync(MaxWait);

    public static void Release(string runId) => Gate(runId).TrySetResult();

    private static TaskCompletionSource Gate(string runId) =>
        Gates.GetOrAdd(runId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
