namespace LabSandbox.Grains.Runs.Retention;

/// <summary>The canonical params of a <c>retention</c> run (defaults filled in).</summary>
/// <param name="OlderThanDays">Runs created more than this many days before the retention run was created are eligible.</param>
/// <param name="DryRun">Count only, change nothing (the default: deleting is an explicit choice).</param>
public sealed record RetentionParams(int OlderThanDays, bool DryRun)
{
    /// <summary>The largest <see cref="OlderThanDays"/> accepted (about a century).</summary>
    public const int MaxOlderThanDays = 36_500;

    /// <summary>The dataset a retention run reads: the run catalog itself (its lineage, INV-5).</summary>
    public const string RunCatalogDatasetKind = "run_catalog";

    public const string RunCatalogDatasetId = "runs";

    public const string EngineVersion = "retention-v1";
}
