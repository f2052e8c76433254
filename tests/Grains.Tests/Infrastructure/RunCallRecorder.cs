using System.Collections.Concurrent;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>One executor callback as the run grain answered it.</summary>
public sealed record RunCallRecord(string RunId, string Method, int Attempt, bool Accepted, string? Caller);

/// <summary>
/// Silo-side call filter that records the answers of the run grain's attempt-fenced methods, so a test
/// can see what the real executor was told (e.g. its late <c>CompleteAsync</c> after a cancel), and the
/// executor's own reads of the run (its check, after computing, that the attempt is still current).
/// </summary>
public sealed class RunCallRecorder : IIncomingGrainCallFilter
{
    private static readonly ConcurrentQueue<RunCallRecord> Records = new();

    private static readonly HashSet<string> Fenced =
        [nameof(IRunGrain.TryStartAsync), nameof(IRunGrain.ReportProgressAsync), nameof(IRunGrain.CompleteAsync), nameof(IRunGrain.FailAsync)];

    private const string ExecutorGrainType = "runexecutor";

    public static IReadOnlyList<RunCallRecord> For(string runId) => Records.Where(r => r.RunId == runId).ToList();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.DeclaringType == typeof(IRunGrain)
            && Fenced.Contains(context.InterfaceMethod.Name)
            && context.Result is bool accepted
            && context.Request.GetArgument(0) is int attempt)
        {
            Records.Enqueue(new RunCallRecord(
                context.TargetId.Key.ToString()!, context.InterfaceMethod.Name, attempt, accepted, context.SourceId?.ToString()));
        }
        else if (context.InterfaceMethod?.DeclaringType == typeof(IRunGrain)
            && context.InterfaceMethod.Name == nameof(IRunGrain.GetAsync)
            && context.SourceId?.Type.ToString() == ExecutorGrainType)
        {
            Records.Enqueue(new RunCallRecord(
                context.TargetId.Key.ToString()!, context.InterfaceMethod.Name, 0, true, context.SourceId?.ToString()));
        }
    }
}
