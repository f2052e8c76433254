namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>A typed reference to the exact dataset version a run or artifact was computed from.</summary>
/// <param name="Kind">One of <see cref="DatasetKinds"/>.</param>
/// <param name="Digest">The dataset's content digest (<c>sha256:…</c>).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.DatasetRef")]
public sealed record DatasetRef(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Digest);

public static class DatasetKinds
{
    public const string Tournament = "tournament";
    public const string Calcutta = "calcutta";
    public const string SyntheticCalcutta = "synthetic_calcutta";

    /// <summary>A pool a model was trained on (never the pool it predicts).</summary>
    public const string TrainingCalcutta = "training_calcutta";

    /// <summary>The tournament of a training pool (its features).</summary>
    public const string TrainingTournament = "training_tournament";
}
