using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>An artifact a handler produced, before it has an id or a place in storage.</summary>
/// <param name="Inline">Keep the bytes in the artifact record (small outputs) instead of the artifact store.</param>
public sealed record ArtifactDraft(
    string Kind,
    string ContentType,
    string FileName,
    byte[] Content,
    bool Inline,
    IReadOnlyDictionary<string, string> Summary,
    ArtifactLineage Lineage);
