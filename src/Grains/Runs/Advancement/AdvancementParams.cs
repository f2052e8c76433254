using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Runs.Advancement;

/// <summary>The canonical params of an <c>advancement</c> run (defaults filled in).</summary>
public sealed record AdvancementParams(
    string TournamentId,
    AdvancementModelParams Model,
    string StartingState,
    IReadOnlyList<ScoringRule> ScoringRules);

/// <summary>The win-probability model: <c>kenpom-logistic</c> with its σ.</summary>
public sealed record AdvancementModelParams(string Kind, double Sigma)
{
    public const string KenPomLogistic = KenPomLogisticModel.ModelName;

    public const double DefaultSigma = 10;
}
