using System.Collections.Concurrent;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Audit;

/// <summary>
/// A test run kind that notes the actor each attempt runs as, fails its first attempt (so the second is dispatched by
/// the retry timer, outside any request) and on its second creates a child run, as orchestrations do.
/// </summary>
public sealed class ActorProbeRunHandler : IRunHandler
{
    public const string KindName = "test_actor_probe";

    /// <summary>(run id, attempt) → the actor the attempt ran as. The silos run in the test process.</summary>
    public static ConcurrentDictionary<(string RunId, int Attempt), string> Seen { get; } = new();

    public static string ChildOf(string runId) => runId + "-child";

    public string Kind => KindName;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        Seen[(context.RunId, context.Attempt)] = LabActor.Current;
        if (context.Attempt == 1)
        {
            throw new InvalidOperationException("the probe's first attempt fails, so a timer dispatches the next");
        }

        await context.Grains.GetGrain<IRunGrain>(ChildOf(context.RunId)).CreateAsync(context.Spec with { Kind = QuickRunHandler.KindName });
        return new RunOutput([TestDrafts.Json(ArtifactKinds.Metrics, context)]);
    }
}
