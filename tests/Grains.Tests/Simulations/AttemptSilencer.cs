using System.Collections.Concurrent;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>
/// Silo-side call filter that makes one attempt of a run look hung or cut off: its lease renewals and
/// progress reports to the run grain fail as if lost, while the attempt itself keeps working.
/// </summary>
public sealed class AttemptSilencer : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> Silenced = new();

    public static void Silence(string runId, int attempt) => Silenced[runId] = attempt;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(IRunGrain)
            && context.InterfaceMethod.Name is nameof(IRunGrain.RenewLeaseAsync) or nameof(IRunGrain.ReportProgressAsync)
            && Silenced.TryGetValue(context.TargetId.Key.ToString()!, out var attempt)
            && context.Request.GetArgument(0) is int reported && reported == attempt)
        {
            throw new TimeoutException($"attempt {attempt} is silenced by the test");
        }

        await context.Invoke();
    }
}
