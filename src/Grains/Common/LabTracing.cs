using System.Diagnostics;

namespace LabSandbox.Grains.Common;

/// <summary>
/// The project's span names and attribute keys, and the few ways it starts spans beyond a plain child:
/// a new trace linked to an earlier one (a re-dispatched attempt) and an unsampled scope (the calls of a
/// run whose spans would make its trace unbounded). Spans use <see cref="LabDiagnostics.ActivitySource"/>.
/// </summary>
public static class LabTracing
{
    public const string RunCreate = "run.create";
    public const string RunDispatch = "run.dispatch";
    public const string RunExecute = "run.execute";
    public const string RunChunk = "run.chunk";
    public const string RunCheckpoint = "run.checkpoint";
    public const string ArtifactWrite = "artifact.write";
    public const string RunComplete = "run.complete";
    public const string ExperimentSearch = "experiment.search";
    public const string ExperimentIteration = "experiment.iteration";
    public const string ExperimentBatch = "experiment.batch";
    public const string LabPool = "lab.pool";
    public const string CohortMember = "cohort.member";

    public const string RunIdKey = "labsandbox.run.id";
    public const string RunKindKey = "labsandbox.run.kind";
    public const string RunAttemptKey = "labsandbox.run.attempt";
    public const string ChunkIndexKey = "labsandbox.chunk.index";
    public const string ChunkSimulationsKey = "labsandbox.chunk.simulations";
    public const string ChunkCountKey = "labsandbox.chunk.count";
    public const string CheckpointChunksKey = "labsandbox.checkpoint.chunks";
    public const string SiloKey = "labsandbox.silo";
    public const string ArtifactIdKey = "labsandbox.artifact.id";
    public const string ArtifactKindKey = "labsandbox.artifact.kind";
    public const string ExperimentIdKey = "labsandbox.experiment.id";
    public const string IterationKey = "labsandbox.experiment.iteration";
    public const string BatchSizeKey = "labsandbox.experiment.batch.size";
    public const string PoolKey = "labsandbox.lab.pool";
    public const string MemberKey = "labsandbox.cohort.member";

    /// <summary>The W3C header Orleans' activity propagation carries in <see cref="RequestContext"/>.</summary>
    private const string TraceParentKey = "traceparent";

    /// <summary>At most this many chunk spans per attempt: a 100,000-chunk run's trace stays a few hundred spans.</summary>
    public const int MaxTracedChunks = 100;

    /// <summary>Starts a child of the current span (if anyone listens) tagged with the run it belongs to.</summary>
    public static Activity? StartRunSpan(string name, string runId, string? kind = null)
    {
        var activity = LabDiagnostics.ActivitySource.StartActivity(name);
        activity?.SetTag(RunIdKey, runId);
        if (kind is not null)
        {
            activity?.SetTag(RunKindKey, kind);
        }

        return activity;
    }

    /// <summary>Starts a child span of an experiment's search (an iteration, or one evaluation batch of it).</summary>
    public static Activity? StartExperimentSpan(string name, string experimentId, int iteration)
    {
        var activity = LabDiagnostics.ActivitySource.StartActivity(name);
        activity?.SetTag(ExperimentIdKey, experimentId);
        activity?.SetTag(IterationKey, iteration);
        return activity;
    }

    /// <summary>
    /// Starts a span that roots a new trace, linked to <paramref name="linked"/> (W3C traceparent strings; the
    /// unparsable and null ones are skipped). The caller must be an async method: the ambient span it clears
    /// comes back when that method returns.
    /// </summary>
    public static Activity? StartLinkedRoot(string name, params string?[] linked)
    {
        var links = new List<ActivityLink>();
        foreach (var traceParent in linked)
        {
            if (ActivityContext.TryParse(traceParent, null, out var context)
                && links.TrueForAll(l => l.Context.TraceId != context.TraceId))
            {
                links.Add(new ActivityLink(context));
            }
        }

        Activity.Current = null; // a default parent context means "the current span", so clear it to start a root
        return LabDiagnostics.ActivitySource.StartActivity(name, ActivityKind.Internal, default(ActivityContext), links: links);
    }

    /// <summary>
    /// Makes the calls that follow carry this trace's id with the sampled flag off, so the grain-call spans they
    /// cause (here and on other silos, with the hosts' <c>CallerSamplingProcessor</c>) are not recorded, while logs still
    /// name the trace. Null when nothing is traced. The caller must be an async method.
    /// </summary>
    public static Activity? StartUnsampledScope()
    {
        if (Activity.Current is not { } current)
        {
            return null;
        }

        // Not from an ActivitySource, so no exporter sees it; only its context (flags 00) flows onward. Orleans starts no
        // client span under an unsampled local parent, so it would not replace the traceparent the current grain call
        // brought in: set it here (the caller is an async method, so this ends with it).
        var scope = new Activity("labsandbox.unsampled");
        scope.SetParentId(current.TraceId, current.SpanId, ActivityTraceFlags.None);
        scope.Start();
        RequestContext.Set(TraceParentKey, scope.Id!);
        return scope;
    }

    /// <summary>
    /// Whether chunk <paramref name="index"/> of <paramref name="count"/> gets a span: every chunk up to
    /// <see cref="MaxTracedChunks"/>, then an even stride over the run, so the traced ones still cover every silo.
    /// </summary>
    public static bool TracesChunk(int index, int count) =>
        count <= MaxTracedChunks || index % ((count + MaxTracedChunks - 1) / MaxTracedChunks) == 0;
}
