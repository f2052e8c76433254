using LabSandbox.Grains.Common;
using LabSandbox.Grains.Tests.Simulations;
using LabSandbox.Grains.Tests.Telemetry;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>An experiment's search is traced by iteration and evaluation batch, and each batch's evaluation run joins the trace.</summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentTraceTests(OneSiloCluster cluster)
{
    [Fact]
    public async Task A_searchs_iterations_batches_and_their_runs_are_one_trace_under_the_request()
    {
        using var spans = new SpanCapture();
        var driver = new ExperimentDriver(cluster.Grains);
        var id = ExperimentDriver.NewId("traced");
        var config = await driver.PlanAsync(ExperimentDriver.Request(await driver.NaiveEvCandidateAsync(), 3, new TestSearch(MaxIterations: 1, Patience: 1)));
        var request = await spans.CreateUnderRequestAsync(() => driver.StartAsync(id, config));
        await driver.WaitEndedAsync(id);

        var search = await spans.WaitForAsync(s => s.OperationName == LabTracing.ExperimentSearch && Equals(s.GetTagItem(LabTracing.ExperimentIdKey), id), "experiment.search");
        var trace = spans.InTrace(request.TraceId);
        Assert.True(SpanCapture.IsAncestor(request, search, trace), "the request is not an ancestor of the search");
        var iterations = trace.Where(s => s.OperationName == LabTracing.ExperimentIteration && Equals(s.GetTagItem(LabTracing.ExperimentIdKey), id)).ToList();
        Assert.Equal([0, 1], iterations.Select(i => (int)i.GetTagItem(LabTracing.IterationKey)!).Order());
        Assert.All(iterations, i => Assert.True(SpanCapture.IsAncestor(search, i, trace)));

        var batches = trace.Where(s => s.OperationName == LabTracing.ExperimentBatch && Equals(s.GetTagItem(LabTracing.ExperimentIdKey), id)).ToList();
        Assert.NotEmpty(batches);
        Assert.All(batches, b => Assert.True(SpanCapture.IsAncestor(search, b, trace)));
        var batch = batches[0];
        var evaluation = await spans.WaitForAsync(
            s => s.OperationName == LabTracing.RunExecute && Equals(s.GetTagItem(LabTracing.RunIdKey), batch.GetTagItem(LabTracing.RunIdKey)), "the evaluation run's execution");
        Assert.True(SpanCapture.IsAncestor(batch, evaluation, spans.InTrace(request.TraceId)), "the evaluation run is not under its batch");
    }
}
