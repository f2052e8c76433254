using System.Diagnostics;
using LabSandbox.Silo.Telemetry;
using LabSandbox.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace LabSandbox.Grains.Tests.Telemetry;

/// <summary>
/// Every span the test process's silos and client record while it lives (an in-memory exporter over the product's
/// activity sources, sampled and processed as in production), and a test span that stands in for the API request.
/// </summary>
public sealed class SpanCapture : IDisposable
{
    private const string TestSource = "LabSandbox.Tests";
    private static readonly ActivitySource Source = new(TestSource);
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _provider;

    public SpanCapture() =>
        _provider = Sdk.CreateTracerProviderBuilder().AddSource(LabTelemetry.ActivitySources).AddSource(TestSource).AddLabTracing().AddInMemoryExporter(_spans).Build()!;

    /// <summary>Runs <paramref name="create"/> under a fresh root span, as the API's request span would be; returns that span.</summary>
    public async Task<Activity> CreateUnderRequestAsync(Func<Task> create)
    {
        Activity.Current = null;
        using var request = Source.StartActivity("test.request") ?? throw new InvalidOperationException("the test source is not listened to");
        await create();
        return request;
    }

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_spans)
        {
            return _spans.ToList();
        }
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => Snapshot().Where(s => s.TraceId == traceId).ToList();

    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, string what) =>
        (await Eventually.WaitAsync(() => Task.FromResult(Snapshot().FirstOrDefault(match)), s => s is not null, what))!;

    /// <summary>Whether <paramref name="ancestor"/> is reached from <paramref name="span"/> by parent ids within <paramref name="trace"/>.</summary>
    public static bool IsAncestor(Activity ancestor, Activity span, IReadOnlyList<Activity> trace)
    {
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; parent != default; parent = bySpanId.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _provider.Dispose();
}
