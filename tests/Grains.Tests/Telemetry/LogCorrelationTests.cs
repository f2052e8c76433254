using LabSandbox.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LabSandbox.Grains.Tests.Telemetry;

/// <summary>The JSON log lines of a LabSandbox host name the trace and span they were written under.</summary>
public sealed class LogCorrelationTests
{
    [Fact]
    public void A_hosts_json_logs_carry_trace_and_span_ids_as_a_scope()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddLabTelemetry("labsandbox-test");
        using var host = builder.Build();

        var tracking = host.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;
        Assert.Equal(LabTraceCorrelation.TraceIds, tracking & LabTraceCorrelation.TraceIds);
        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }
}
