using System.Text;
using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>
/// What every handler reads and writes the same way: its canonical params, the lineage of its artifacts
/// (the run's pinned inputs and datasets, INV-5) and small JSON artifacts kept inline — so the bytes of a
/// kind's documents depend only on the document, never on how a handler happened to build the draft.
/// </summary>
public static class RunDocuments
{
    /// <summary>The run's params, as pinned by its planner; a run without them cannot succeed on any attempt.</summary>
    public static T ReadParams<T>(this RunExecutionContext context) =>
        JsonSerializer.Deserialize<T>(context.Spec.ParamsJson, ContentDigest.Options)
        ?? throw new NonRetryableRunException("The run's params are empty.");

    public static ArtifactLineage Lineage(this RunExecutionContext context) =>
        new(context.Spec.InputArtifactIds, context.Spec.DatasetRefs);

    /// <summary>The run's <c>metrics</c> artifact (INV-4): its document as canonical JSON, inline.</summary>
    public static ArtifactDraft Metrics<T>(this RunExecutionContext context, T document, IReadOnlyDictionary<string, string> summary) =>
        context.InlineJson(ArtifactKinds.Metrics, "metrics.json", document, summary);

    /// <summary>
    /// The <c>metrics</c> report of an orchestration run, as canonical JSON: its upstream artifacts are what its child runs
    /// produced (not the run's own pinned inputs), so the lineage leads from the report to every child.
    /// </summary>
    public static ArtifactDraft CanonicalReport<T>(
        this RunExecutionContext context, T report, IReadOnlyDictionary<string, string> summary, IReadOnlyList<string> upstreamArtifactIds) =>
        new(ArtifactKinds.Metrics, "application/json", "metrics.json", Encoding.UTF8.GetBytes(CanonicalJson.Serialize(report)), Inline: true,
            summary, new ArtifactLineage(upstreamArtifactIds, context.Spec.DatasetRefs));

    /// <summary>A small JSON artifact of <paramref name="kind"/>, kept inline in its record.</summary>
    public static ArtifactDraft InlineJson<T>(this RunExecutionContext context, string kind, string fileName, T document, IReadOnlyDictionary<string, string> summary) =>
        new(kind, "application/json", fileName, JsonSerializer.SerializeToUtf8Bytes(document, ContentDigest.Options), Inline: true, summary, context.Lineage());
}
