using System.Text;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>Run kinds that exist only in the test cluster, each built to exercise one invariant.</summary>
public static class TestRunKinds
{
    /// <summary>Returns a <c>bids</c> artifact and no <c>metrics</c> (INV-4).</summary>
    public const string NoMetrics = "test_no_metrics";

    /// <summary>Returns a <c>metrics</c> draft whose lineage is empty (INV-5).</summary>
    public const string NoLineage = "test_no_lineage";

    /// <summary>Waits on <see cref="SlowRunGate"/> before returning metrics, so tests can observe <c>running</c>.</summary>
    public const string Slow = "test_slow";

    /// <summary>Returns metrics at once, or fails when its params say <c>"fail": true</c> (run catalog tests).</summary>
    public const string Catalog = "test_catalog";

    /// <summary>Always throws a retryable error carrying NaN and infinite numbers (retries, dead letters, failure artifacts).</summary>
    public const string AlwaysThrows = "test_always_throws";
}

internal static class TestDrafts
{
    public static ArtifactDraft Json(string kind, RunExecutionContext context, ArtifactLineage? lineage = null) =>
        new(kind, "application/json", $"{kind}.json",
            Encoding.UTF8.GetBytes($"{{\"kind\":\"{context.Spec.Kind}\",\"paramsHash\":\"{context.Spec.ParamsHash}\"}}"),
            Inline: true,
            new Dictionary<string, string> { ["source"] = context.Spec.Kind },
            lineage ?? new ArtifactLineage(context.Spec.InputArtifactIds, context.Spec.DatasetRefs));
}

public sealed class NoMetricsRunHandler : IRunHandler
{
    public string Kind => TestRunKinds.NoMetrics;

    public Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new RunOutput([TestDrafts.Json("bids", context)]));
}

public sealed class NoLineageRunHandler : IRunHandler
{
    public string Kind => TestRunKinds.NoLineage;

    public Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new RunOutput([TestDrafts.Json(ArtifactKinds.Metrics, context, new ArtifactLineage([], []))]));
}

public sealed class SlowRunHandler : IRunHandler
{
    public string Kind => TestRunKinds.Slow;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        await context.ReportProgressAsync("wait", 0, "waiting for the test to release the run");
        await SlowRunGate.WaitAsync(context.RunId);
        return new RunOutput([TestDrafts.Json(ArtifactKinds.Metrics, context)]);
    }
}

public sealed class CatalogRunHandler : IRunHandler
{
    public string Kind => TestRunKinds.Catalog;

    public Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken) =>
        context.Spec.ParamsJson.Contains("\"fail\":true", StringComparison.Ordinal)
            ? throw new NonRetryableRunException("asked to fail")
            : Task.FromResult(new RunOutput([TestDrafts.Json(ArtifactKinds.Metrics, context)]));
}

public sealed class AlwaysThrowsRunHandler : IRunHandler
{
    public string Kind => TestRunKinds.AlwaysThrows;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        await context.ReportProgressAsync("work", double.NaN, "about to fail");
        var error = new InvalidOperationException($"always fails (attempt {context.Attempt})");
        error.Data["ratio"] = double.NaN;
        error.Data["limit"] = double.PositiveInfinity;
        throw error;
    }
}
