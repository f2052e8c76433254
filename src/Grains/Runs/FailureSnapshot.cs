using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// The <c>failure</c> artifact of a failed attempt: what failed (exception type, message, stack), with what
/// params, and the run's last events. Always valid JSON: NaN and infinities are written as strings.
/// </summary>
public static class FailureSnapshot
{
    private const int LastEvents = 20;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    public static ArtifactDraft Draft(RunExecution execution, Exception exception, IReadOnlyList<RunEvent> events)
    {
        var document = new JsonObject
        {
            ["runId"] = execution.RunId,
            ["kind"] = execution.Spec.Kind,
            ["attempt"] = execution.Attempt,
            ["exceptionType"] = exception.GetType().FullName,
            ["message"] = exception.Message,
            ["stackTrace"] = exception.ToString(),
            ["retryable"] = exception is not NonRetryableRunException,
            ["data"] = Data(exception),
            ["params"] = ParseOrText(execution.Spec.ParamsJson),
            ["paramsHash"] = execution.Spec.ParamsHash,
            ["lastEvents"] = JsonSerializer.SerializeToNode(events.TakeLast(LastEvents).ToList(), Options),
        };
        var lineage = new ArtifactLineage(execution.Spec.InputArtifactIds, execution.Spec.DatasetRefs);
        return new ArtifactDraft(ArtifactKinds.Failure, "application/json", $"failure-{execution.Attempt}.json",
            JsonSerializer.SerializeToUtf8Bytes(document, Options), Inline: true,
            new Dictionary<string, string> { ["attempt"] = execution.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), ["exceptionType"] = exception.GetType().Name },
            lineage);
    }

    /// <summary>The exception's data entries, numbers as numbers (NaN and infinities as strings).</summary>
    private static JsonObject Data(Exception exception)
    {
        var data = new JsonObject();
        foreach (System.Collections.DictionaryEntry entry in exception.Data)
        {
            var key = entry.Key.ToString() ?? "";
            try
            {
                data[key] = JsonSerializer.SerializeToNode(entry.Value, entry.Value?.GetType() ?? typeof(object), Options);
            }
            catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
            {
                data[key] = entry.Value?.ToString();
            }
        }

        return data;
    }

    private static JsonNode? ParseOrText(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
