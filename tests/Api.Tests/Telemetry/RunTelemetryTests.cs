using System.Diagnostics;
using LabSandbox.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace LabSandbox.Api.Tests.Telemetry;

public sealed class RunTelemetryTests
{
    [Fact]
    public async Task A_run_emits_an_execution_span_tagged_with_its_id_and_run_metrics_without_ids()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var factory = new LabApiFactory();
        await using var withExporters = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        }));
        var http = withExporters.CreateClient();

        var runId = await http.CreateRunAsync(RunApi.AdvancementRequest("ncaa-2025", "through_round:4"));
        await http.WaitForTerminalAsync(runId, TimeSpan.FromSeconds(10));
        withExporters.Services.GetRequiredService<TracerProvider>().ForceFlush();
        withExporters.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Activity[] snapshot;
        lock (spans)
        {
            snapshot = spans.ToArray();
        }

        var execute = Assert.Single(snapshot, a => a.OperationName == "run.execute" && Equals(a.GetTagItem("labsandbox.run.id"), runId));

        // One trace from the HTTP request: its server span, then run.create, then (through the grains) run.execute.
        var create = Assert.Single(snapshot, a => a.OperationName == "run.create" && Equals(a.GetTagItem("labsandbox.run.id"), runId));
        var request = Assert.Single(snapshot, a => a.SpanId == create.ParentSpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal(create.TraceId, execute.TraceId);
        Assert.True(IsAncestor(create, execute, snapshot), "run.create is not an ancestor of run.execute");
        Assert.Equal("advancement", execute.GetTagItem("labsandbox.run.kind"));
        Assert.Equal(1, execute.GetTagItem("labsandbox.run.attempt"));
        Assert.Contains(snapshot, a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));

        var finished = metrics.Where(m => m.Name == "labsandbox.runs.finished").ToList();
        Assert.NotEmpty(finished);
        foreach (var metric in finished)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    Assert.True(tag.Key is "kind" or "status", $"unexpected metric tag {tag.Key}");
                }
            }
        }
    }

    private static bool IsAncestor(Activity ancestor, Activity span, IReadOnlyList<Activity> spans)
    {
        var bySpanId = spans.Where(s => s.TraceId == span.TraceId).ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; parent != default; parent = bySpanId.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
