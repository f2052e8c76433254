using System.Diagnostics;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Tests.Telemetry;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>
/// A simulation run's attempt is one trace from the request that created it (a test span standing in for the API's
/// <c>run.create</c>) through the run grain, the executor and every chunk on all three silos; an attempt dispatched
/// again after its executor was lost starts a trace of its own, linked to the run's first.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class RunTraceTests(ThreeSiloCluster three)
{
    private const int ChunkSize = 25_000;
    private const int Chunks = 30;

    [Fact]
    public async Task A_runs_spans_from_every_silo_form_one_trace_under_the_creating_request()
    {
        await three.RestoreSilosAsync();
        using var spans = new SpanCapture();
        var spec = await three.Runs.PlanAsync(Chunks * ChunkSize, 41, ChunkSize);
        var runId = SimulationDriver.NewRunId("trace");
        var request = await spans.CreateUnderRequestAsync(() => three.Runs.CreateAsync(runId, spec));
        await three.Runs.SucceededAsync(runId);

        var execute = await spans.WaitForAsync(s => s.OperationName == LabTracing.RunExecute && Tagged(s, runId), "the run.execute span");
        var trace = spans.InTrace(request.TraceId);
        Assert.True(SpanCapture.IsAncestor(request, execute, trace), "the request span is not an ancestor of run.execute");
        Assert.Equal(1, execute.GetTagItem(LabTracing.RunAttemptKey));

        var chunks = trace.Where(s => s.OperationName == LabTracing.RunChunk && Tagged(s, runId)).ToList();
        Assert.Equal(Enumerable.Range(0, Chunks), chunks.Select(c => (int)c.GetTagItem(LabTracing.ChunkIndexKey)!).Order());
        Assert.All(chunks, c => Assert.True(SpanCapture.IsAncestor(execute, c, trace), $"chunk {c.GetTagItem(LabTracing.ChunkIndexKey)} is not under run.execute"));
        Assert.All(chunks, c => Assert.Equal((long)ChunkSize, c.GetTagItem(LabTracing.ChunkSimulationsKey)));
        var silos = chunks.Select(c => c.GetTagItem(LabTracing.SiloKey)).Distinct().Count();
        Assert.True(silos >= 3, $"chunk spans came from {silos} silo(s)");

        foreach (var name in new[] { LabTracing.RunCheckpoint, LabTracing.ArtifactWrite, LabTracing.RunComplete })
        {
            Assert.Contains(trace, s => s.OperationName == name && Tagged(s, runId) && SpanCapture.IsAncestor(execute, s, trace));
        }

        // Per-silo totals of every chunk, whether or not its span was sampled.
        Assert.Equal(silos, execute.Events.Count(e => e.Name == "chunks.silo"));
    }

    [Fact]
    public async Task An_attempt_dispatched_again_after_its_executor_was_lost_starts_a_trace_linked_to_the_first()
    {
        await three.RestoreSilosAsync();
        using var spans = new SpanCapture();
        var spec = await three.Runs.PlanAsync(8 * ChunkSize, 43, ChunkSize);
        var runId = SimulationDriver.NewRunId("trace-redispatch");

        // Attempt 1 is cut off (no renewals reach the run) while its chunks are held: its lease (3 s) lapses mid-run.
        AttemptSilencer.Silence(runId, 1);
        ChunkStaller.Stall(runId, 1, TimeSpan.FromSeconds(6));
        var request = await spans.CreateUnderRequestAsync(() => three.Runs.CreateAsync(runId, spec));
        var run = await three.Runs.SucceededAsync(runId);
        Assert.Equal(2, run.Run.Attempt);

        var first = await spans.WaitForAsync(s => s.OperationName == LabTracing.RunExecute && Tagged(s, runId) && Equals(s.GetTagItem(LabTracing.RunAttemptKey), 1), "attempt 1");
        var second = await spans.WaitForAsync(s => s.OperationName == LabTracing.RunExecute && Tagged(s, runId) && Equals(s.GetTagItem(LabTracing.RunAttemptKey), 2), "attempt 2");
        Assert.Equal(request.TraceId, first.TraceId);
        Assert.NotEqual(request.TraceId, second.TraceId);

        var secondTrace = spans.InTrace(second.TraceId);
        var dispatch = Assert.Single(secondTrace, s => s.OperationName == LabTracing.RunDispatch);
        Assert.Equal(default, dispatch.ParentSpanId);
        Assert.True(SpanCapture.IsAncestor(dispatch, second, secondTrace), "the re-dispatch is not an ancestor of attempt 2");
        Assert.Contains(dispatch.Links, l => l.Context.TraceId == request.TraceId);
        Assert.Equal(2, dispatch.GetTagItem(LabTracing.RunAttemptKey));
        await ChunkCallRecorder.WaitQuiescentAsync(runId, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_run_of_more_chunks_than_are_traced_records_only_the_sampled_chunks_calls()
    {
        await three.RestoreSilosAsync();
        using var spans = new SpanCapture();
        const int chunks = 3 * LabTracing.MaxTracedChunks;
        var spec = await three.Runs.PlanAsync(chunks * 1_000, 47, 1_000);
        var runId = SimulationDriver.NewRunId("trace-sampled");
        var request = await spans.CreateUnderRequestAsync(() => three.Runs.CreateAsync(runId, spec));
        await three.Runs.SucceededAsync(runId);
        var execute = await spans.WaitForAsync(s => s.OperationName == LabTracing.RunExecute && Tagged(s, runId), "the run.execute span");

        // A traced chunk's call records its Orleans client and server spans, the new chunk grain's activation spans and
        // run.chunk; an untraced chunk's records none, on any silo, so the trace grows with the sample, not the run.
        var trace = spans.InTrace(request.TraceId);
        Assert.Equal(LabTracing.MaxTracedChunks, trace.Count(s => s.OperationName == LabTracing.RunChunk));
        Assert.Equal(LabTracing.MaxTracedChunks, trace.Count(s => s.OperationName == "ISimulationChunkGrain/RunAsync" && s.Kind == ActivityKind.Server));
        Assert.Equal(LabTracing.MaxTracedChunks, trace.Count(s => s.OperationName == "ISimulationChunkGrain/RunAsync" && s.Kind == ActivityKind.Client));
        var activations = trace.Count(s => s.OperationName == "activate grain");
        Assert.True(activations < LabTracing.MaxTracedChunks + 30, $"{activations} grain activations traced for {LabTracing.MaxTracedChunks} traced chunks");
        Assert.Equal(chunks, execute.GetTagItem(LabTracing.ChunkCountKey));
        Assert.Equal(chunks, execute.Events.Sum(e => (int)e.Tags.Single(t => t.Key == "labsandbox.chunks").Value!));
    }

    [Fact]
    public void A_100000_chunk_run_traces_at_most_a_hundred_chunks_spread_over_the_run()
    {
        var traced = Enumerable.Range(0, 100_000).Where(c => LabTracing.TracesChunk(c, 100_000)).ToList();
        Assert.Equal(LabTracing.MaxTracedChunks, traced.Count);
        Assert.True(traced[^1] >= 99_000, "the traced chunks do not reach the end of the run");
        Assert.All(Enumerable.Range(0, 40), c => Assert.True(LabTracing.TracesChunk(c, 40)));
    }

    private static bool Tagged(Activity span, string runId) => Equals(span.GetTagItem(LabTracing.RunIdKey), runId);
}
