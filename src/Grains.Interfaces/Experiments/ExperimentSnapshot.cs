using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Grains.Interfaces.Experiments;

public enum ExperimentStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class ConvergenceReasons
{
    public const string MaxIterations = "max_iterations";
    public const string PatienceExhausted = "patience_exhausted";
    public const string NoImprovementCi = "no_improvement_ci";
    public const string Cancelled = "cancelled";
}

/// <summary>An experiment as clients see it.</summary>
/// <param name="DriverRunId">The <c>experiment</c> run that drives the search (durable: it resumes after a silo loss).</param>
/// <param name="NumIterations">Search iterations completed (the initial evaluation, iteration 0, not counted).</param>
/// <param name="CreatedBy">Who created it (a key name, <c>local</c> or <c>system</c>); null for one stored before actors were kept.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentSnapshot")]
public sealed record ExperimentSnapshot(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] string? Name,
    [property: Id(2)] ExperimentConfig Config,
    [property: Id(3)] string ConfigDigest,
    [property: Id(4)] ExperimentStatus Status,
    [property: Id(5)] string DriverRunId,
    [property: Id(6)] int NumIterations,
    [property: Id(7)] bool Converged,
    [property: Id(8)] string? ConvergenceReason,
    [property: Id(9)] IReadOnlyList<EntryBid> IncumbentBids,
    [property: Id(10)] ExperimentResult? Result,
    [property: Id(11)] long EventCount,
    [property: Id(12)] DateTimeOffset CreatedAt,
    [property: Id(13)] DateTimeOffset? CompletedAt,
    [property: Id(14)] string? Error,
    [property: Id(15)] string? CreatedBy = null)
{
    /// <summary><c>hindsight</c> (searched against the real field) or <c>honest</c> (a modeled field): how to read the result.</summary>
    public string FieldHonesty => global::LabSandbox.Grains.Interfaces.Experiments.FieldHonesty.Of(Config.FieldModel);
}

/// <summary>
/// The outcome: the best entry (a Candidate), its payout as estimated when the search accepted it, and the final
/// comparison on fresh simulations — initial and best expected payouts and the paired gain with its 95% interval, and
/// the same under the experiment's objective (which decides <c>Significant</c>).
/// </summary>
/// <param name="BestExpectedPayoutCents">Its expected payout measured alone on fresh simulations when it was accepted (its <c>best</c> run), free of the selection's optimism.</param>
/// <param name="FinalExpectedPayoutCents">The best entry's expected payout in the final comparison (fresh simulations).</param>
/// <param name="Improvement">Best − initial on the final comparison's simulations, with its paired 95% interval.</param>
/// <param name="Significant">The objective's paired 95% interval (<paramref name="ObjectiveImprovement"/>) lies above zero.</param>
/// <param name="Objective">What the search maximized.</param>
/// <param name="ObjectiveImprovement">Best − initial under the objective on the final comparison's simulations, with its paired 95% interval.</param>
/// <param name="InitialObjective">The initial entry's value under the objective in the final comparison.</param>
/// <param name="FinalObjective">The best entry's value under the objective in the final comparison.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentResult")]
public sealed record ExperimentResult(
    [property: Id(0)] string BestCandidateId,
    [property: Id(1)] IReadOnlyList<EntryBid> BestBids,
    [property: Id(2)] int BestFoundAtIteration,
    [property: Id(3)] long BestExpectedPayoutCents,
    [property: Id(4)] long InitialExpectedPayoutCents,
    [property: Id(5)] long FinalExpectedPayoutCents,
    [property: Id(6)] PayoutStatistic Improvement,
    [property: Id(7)] bool Significant,
    [property: Id(8)] string FinalRunId,
    [property: Id(9)] string Objective = "expected_payout",
    [property: Id(10)] ObjectiveStatistic? ObjectiveImprovement = null,
    [property: Id(11)] ObjectiveStatistic? InitialObjective = null,
    [property: Id(12)] ObjectiveStatistic? FinalObjective = null);

/// <summary>How the search ended, as the driver reports it, with the best entry as a Candidate to register.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentOutcome")]
public sealed record ExperimentOutcome(
    [property: Id(0)] string ConvergenceReason,
    [property: Id(1)] bool Converged,
    [property: Id(2)] ExperimentResult Result,
    [property: Id(3)] CandidateRecord Candidate);
