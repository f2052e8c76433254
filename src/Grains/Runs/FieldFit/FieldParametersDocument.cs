using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs.FieldFit;

/// <summary>
/// The <c>field_parameters</c> artifact of a <c>field_fit</c> run: the fitted parameters of one model (the other is
/// null) with the model's kind and version, for the target pool. Integers copied from real entries, so it is exact; its
/// lineage (dataset refs) names the target and every training pool, never the target among them.
/// </summary>
public sealed record FieldParametersDocument(
    string FieldModel,
    string ModelVersion,
    string TargetPoolId,
    string TargetTournamentId,
    IReadOnlyList<string> FittedOnPoolIds,
    MarketSampledParameters? MarketSampled,
    HistoryResampledParameters? HistoryResampled)
{
    public const string ArtifactKind = "field_parameters";
}

/// <summary>The <c>metrics</c> artifact of a <c>field_fit</c> run: what was fitted, on which pools, from how many entries.</summary>
public sealed record FieldFitMetrics(
    string Kind,
    string EngineVersion,
    string FieldModel,
    string CalcuttaId,
    string TournamentId,
    IReadOnlyList<DatasetRef> TrainingPools,
    int FittedEntries,
    IReadOnlyDictionary<int, int> TeamCountCounts);
