using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Telemetry;

/// <summary>Fails its first attempt with a retryable error, then succeeds: exactly one retry.</summary>
public sealed class FailsOnceRunHandler : IRunHandler
{
    public const string KindName = "test_metrics_fails_once";

    public string Kind => KindName;

    public Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken) =>
        context.Attempt == 1
            ? throw new InvalidOperationException("fails once")
            : Task.FromResult(new RunOutput([TestDrafts.Json(ArtifactKinds.Metrics, context)]));
}

/// <summary>Always fails with a retryable error: four retries, then one dead letter. Its own kind keeps its counts apart.</summary>
public sealed class DeadLetterRunHandler : IRunHandler
{
    public const string KindName = "test_metrics_dead_letter";

    public string Kind => KindName;

    public Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"always fails (attempt {context.Attempt})");
}

/// <summary>Waits on <see cref="SlowRunGate"/> without reporting progress, so a silenced attempt only stops renewing its lease.</summary>
public sealed class HangsRunHandler : IRunHandler
{
    public const string KindName = "test_metrics_hangs";

    public string Kind => KindName;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        await SlowRunGate.WaitAsync(context.RunId);
        return new RunOutput([TestDrafts.Json(ArtifactKinds.Metrics, context)]);
    }
}
