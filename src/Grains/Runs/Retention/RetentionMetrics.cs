namespace LabSandbox.Grains.Runs.Retention;

/// <summary>
/// The <c>metrics</c> artifact of a retention run: what it looked at and what it did (or, in a dry run,
/// would do). Artifact id lists are sorted ordinally.
/// </summary>
/// <param name="Cutoff">Runs created strictly before this instant were eligible: the retention run's creation minus <see cref="OlderThanDays"/>.</param>
/// <param name="RunsScanned">Entries read from the run catalog.</param>
/// <param name="RunsEligible">Terminal runs created before the cutoff (never the retention run itself).</param>
/// <param name="HeavyArtifactsFound">Artifacts of eligible runs whose bytes are in the artifact store (inline ones are never touched).</param>
/// <param name="ArtifactsToTombstone">Heavy artifacts not tombstoned when the run scanned them.</param>
/// <param name="BytesToDelete">Their recorded sizes, summed.</param>
/// <param name="ArtifactsTombstoned">Tombstoned by this run (always 0 in a dry run).</param>
/// <param name="ArtifactsAlreadyTombstoned">Tombstoned by an earlier retention run already.</param>
/// <param name="BytesDeleted">Bytes this run removed from the artifact store.</param>
/// <param name="FilesAlreadyMissing">Artifacts this run tombstoned whose bytes were gone already.</param>
/// <param name="ArtifactIds">The affected artifacts: tombstoned by this run, or, in a dry run, the ones a real run would tombstone.</param>
/// <param name="MissingFileArtifactIds">The artifacts counted in <see cref="FilesAlreadyMissing"/>.</param>
public sealed record RetentionMetrics(
    string Kind,
    string EngineVersion,
    int OlderThanDays,
    bool DryRun,
    DateTimeOffset Cutoff,
    int RunsScanned,
    int RunsEligible,
    int HeavyArtifactsFound,
    int ArtifactsToTombstone,
    long BytesToDelete,
    int ArtifactsTombstoned,
    int ArtifactsAlreadyTombstoned,
    long BytesDeleted,
    int FilesAlreadyMissing,
    IReadOnlyList<string> ArtifactIds,
    IReadOnlyList<string> MissingFileArtifactIds);
