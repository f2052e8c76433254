using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Trace;

namespace LabSandbox.Silo.Telemetry;

/// <summary>What ties logs and storage calls to the run traces (docs/tracing.md).</summary>
public static class LabTraceCorrelation
{
    /// <summary>The activity's trace, span and parent ids as a scope, so every JSON log line written under a span names it.</summary>
    public const ActivityTrackingOptions TraceIds =
        ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId;

    public static ILoggingBuilder AddTraceIdsToLogs(this ILoggingBuilder logging) =>
        logging.Configure(o => o.ActivityTrackingOptions |= TraceIds);

    /// <summary>
    /// A span per PostgreSQL command (grain storage, reminders, membership, the artifact store), under the span that
    /// caused it (background polls start traces of their own); and the caller's sampling decision kept across grain
    /// calls (<see cref="CallerSamplingProcessor"/>). Call it before adding exporters: processors run in order.
    /// </summary>
    public static TracerProviderBuilder AddLabTracing(this TracerProviderBuilder tracing) =>
        tracing.AddProcessor(new CallerSamplingProcessor()).AddNpgsql();
}
