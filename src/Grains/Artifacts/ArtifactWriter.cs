using System.Text;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts.Tables;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;

namespace LabSandbox.Grains.Artifacts;

/// <summary>Turns a handler's drafts into stored, write-once artifact records.</summary>
public sealed class ArtifactWriter(IGrainFactory grains, IArtifactStore store, TimeProvider time)
{
    /// <summary>Deterministic: the same run and kind always name the same artifact.</summary>
    public static string ArtifactIdFor(string runId, string kind) => $"art-{ContentDigest.Hex($"{runId}/{kind}")[..24]}";

    /// <param name="idKey">Names the artifact within the run instead of its kind, for kinds a run writes more than once (a failure per attempt).</param>
    public async Task<ArtifactRef> WriteAsync(string runId, ArtifactDraft draft, CancellationToken cancellationToken, string? idKey = null)
    {
        var id = ArtifactIdFor(runId, idKey ?? draft.Kind);
        using var activity = LabTracing.StartRunSpan(LabTracing.ArtifactWrite, runId);
        activity?.SetTag(LabTracing.ArtifactIdKey, id);
        activity?.SetTag(LabTracing.ArtifactKindKey, draft.Kind);
        var storageUri = draft.Inline ? null : await store.PutAsync(id, draft.FileName, draft.Content, cancellationToken);
        var parquetUri = draft.Inline || !ArtifactTabular.IsJsonLines(draft.ContentType)
            ? null
            : await store.PutAsync(id, Path.ChangeExtension(draft.FileName, ".parquet"), await ParquetOfAsync(draft.Content, cancellationToken), cancellationToken);
        var record = new ArtifactRecord(
            id, runId, draft.Kind, draft.ContentType,
            draft.Inline ? Encoding.UTF8.GetString(draft.Content) : null,
            storageUri, ContentDigest.Hex(draft.Content), draft.Content.LongLength,
            draft.Summary, draft.Lineage, time.GetUtcNow(), ParquetStorageUri: parquetUri);
        var result = await grains.GetGrain<IArtifactGrain>(id).WriteAsync(record);
        return result.Outcome is ArtifactWriteOutcome.Written or ArtifactWriteOutcome.AlreadyExists
            ? new ArtifactRef(id, draft.Kind)
            : throw new NonRetryableRunException($"Artifact '{draft.Kind}' could not be written: {result.Outcome}: {result.Reason}");
    }

    /// <summary>
    /// A heavy JSON Lines artifact's Parquet form, stored beside it so analysts read it columnar without converting.
    /// Made from the stored bytes only, so the same content always gives the same Parquet bytes; the JSON is untouched.
    /// </summary>
    private static Task<byte[]> ParquetOfAsync(byte[] content, CancellationToken cancellationToken) =>
        ArtifactParquet.WriteAsync(ArtifactTabular.FromJsonLines(ArtifactTabular.Lines(Encoding.UTF8.GetString(content))), cancellationToken);
}
