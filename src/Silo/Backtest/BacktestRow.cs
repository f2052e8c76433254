namespace LabSandbox.Silo.Backtest;

/// <summary>One candidate's year: its expected payout and the comparisons, all in integer cents (INV-1).</summary>
public sealed record BacktestCandidateResult(
    string MarketModel,
    string CandidateId,
    string RunId,
    long ExpectedPayoutCents,
    double PInTheMoney,
    double RankPercentile);

/// <summary>
/// One real year: the pool, its excluded real entry, the candidates that replaced it (σ = 10 product runs), and the
/// engine's measures of every strategy in the seat (<see cref="SeatMeasures"/>: realized payout, other σ).
/// </summary>
public sealed record BacktestYear(
    string CalcuttaId,
    int Year,
    string ExcludedEntryKey,
    long ExcludedEntryExpectedPayoutCents,
    long FieldAverageExpectedPayoutCents,
    string BaselineRunId,
    IReadOnlyList<BacktestCandidateResult> Candidates,
    IReadOnlyList<SeatMeasure> Seats,
    SeatMeasure FieldAverage);
