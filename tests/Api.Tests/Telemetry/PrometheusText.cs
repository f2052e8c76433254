using Xunit;

namespace LabSandbox.Api.Tests.Telemetry;

/// <summary>What every process's scrape shows once it has done some work: the project's meter, Orleans' and the runtime's.</summary>
public static class PrometheusText
{
    public static void AssertHasLabInstruments(string text)
    {
        Assert.Contains("# TYPE labsandbox_runs_created_total counter", text, StringComparison.Ordinal);
        Assert.Contains("labsandbox_runs_finished_total{", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE labsandbox_runs_queue_wait_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("\norleans_", text, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_", text, StringComparison.Ordinal);
    }
}
