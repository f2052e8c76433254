using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>
/// One iteration, written once when it ends: the incumbent it started from and its payout over this iteration's
/// simulations, every challenger with its cost (spend) and payout, what was pruned, what was accepted, and the
/// runs that evaluated them. Iteration 0 is the initial entry's evaluation (no challengers).
/// </summary>
/// <param name="IterationsWithoutImprovement">Consecutive iterations without an accepted challenger, this one included.</param>
/// <param name="EventsThrough">The experiment's event count once this iteration's events were appended.</param>
/// <param name="AcceptedPayout">The accepted challenger's expected payout measured alone on fresh simulations (its <c>best</c> run).</param>
/// <param name="IncumbentObjective">The incumbent's value under the experiment's objective over this iteration's simulations.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentIteration")]
public sealed record ExperimentIteration(
    [property: Id(0)] int Iteration,
    [property: Id(1)] IReadOnlyList<EntryBid> IncumbentBids,
    [property: Id(2)] PayoutStatistic IncumbentPayout,
    [property: Id(3)] IReadOnlyList<ChallengerResult> Challengers,
    [property: Id(4)] int? AcceptedChallenger,
    [property: Id(5)] IReadOnlyList<EntryBid> IncumbentAfter,
    [property: Id(6)] int IterationsWithoutImprovement,
    [property: Id(7)] IReadOnlyList<ExperimentRunRef> Runs,
    [property: Id(8)] long EventsThrough,
    [property: Id(9)] PayoutStatistic? AcceptedPayout = null,
    [property: Id(10)] ObjectiveStatistic? IncumbentObjective = null);

/// <summary>
/// A challenger's outcome. <paramref name="Gain"/> is its paired payout difference to the incumbent (challenger −
/// incumbent on the same simulations): over the screening batch only when pruned, over every batch otherwise.
/// <paramref name="ObjectiveGain"/> is the same paired gain under the experiment's objective, with its 95% interval:
/// what the search judged (null only in iterations recorded before objectives existed, which judged expected payout).
/// </summary>
/// <param name="Move">The move that made it from the incumbent (<c>shift</c>, <c>swap</c>, <c>add</c>, <c>drop</c>, <c>perturbed_dp</c>).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ChallengerResult")]
public sealed record ChallengerResult(
    [property: Id(0)] int Index,
    [property: Id(1)] string Move,
    [property: Id(2)] IReadOnlyList<EntryBid> Bids,
    [property: Id(3)] int SpendPoints,
    [property: Id(4)] bool Pruned,
    [property: Id(5)] PayoutStatistic Payout,
    [property: Id(6)] PayoutStatistic Gain,
    [property: Id(7)] ObjectiveStatistic? ObjectiveGain = null);

/// <summary>A simulation run of an experiment, named by its place in the search.</summary>
/// <param name="RunPurpose"><c>initial</c>, <c>evaluation</c> (screening), <c>bootstrap</c> (further samples), <c>best</c> (an accepted challenger alone) or <c>final</c>.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.ExperimentRunRef")]
public sealed record ExperimentRunRef(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Iteration,
    [property: Id(2)] int SampleIndex,
    [property: Id(3)] string RunPurpose);

public static class RunPurposes
{
    public const string Initial = "initial";
    public const string Evaluation = "evaluation";
    public const string Bootstrap = "bootstrap";
    public const string Best = "best";
    public const string Final = "final";
}
