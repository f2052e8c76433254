using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Audit;

/// <summary>A test run kind of the actor tests alone (other tests count the runs of theirs): it succeeds at once.</summary>
public sealed class QuickRunHandler : IRunHandler
{
    public const string KindName = "test_actor_quick";

    public string Kind => KindName;

    public Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new RunOutput([TestDrafts.Json(ArtifactKinds.Metrics, context)]));
}
