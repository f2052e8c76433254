using System.Diagnostics;
using LabSandbox.Grains.Common;
using LabSandbox.Persistence.Tests.Grains;
using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.Storage;

namespace LabSandbox.Persistence.Tests;

/// <summary>A grain storage write on PostgreSQL is a span (Npgsql's) in the trace of whatever caused it.</summary>
public sealed class StorageTracingTests(StorageSiloFixture fixture) : IClassFixture<StorageSiloFixture>
{
    private const string TestSource = "LabSandbox.Tests.Storage";

    [Fact]
    public async Task A_storage_write_records_a_postgresql_span_in_the_callers_trace()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource(TestSource).AddLabTracing().AddInMemoryExporter(spans).Build()!;
        using var source = new ActivitySource(TestSource);
        var storage = fixture.Silo.Services.GetRequiredKeyedService<IGrainStorage>(LabStorage.Name);

        Activity.Current = null;
        ActivityTraceId traceId;
        using (var caller = source.StartActivity("test.write"))
        {
            traceId = caller!.TraceId;
            var state = new GrainState<ProfileState>(new ProfileState { Name = "traced", Visits = 1 });
            await storage.WriteStateAsync("profile", GrainId.Create("profile", $"traced-{Guid.NewGuid():N}"), state);
        }

        provider.ForceFlush();
        lock (spans)
        {
            Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.TraceId == traceId && s.Kind == ActivityKind.Client);
        }
    }
}
