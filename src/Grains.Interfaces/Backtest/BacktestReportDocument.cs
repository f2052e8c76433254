namespace LabSandbox.Grains.Interfaces.Backtest;

/// <summary>
/// The backtest's result as data (docs/backtest.md is its rendering): every real year, every strategy, three measures.
/// Written by the <c>backtest</c> command next to the Markdown; the same arguments give the same bytes.
/// </summary>
/// <param name="Command">The command line that regenerates it.</param>
/// <param name="EngineVersion">The simulation engine every expected payout was computed with.</param>
/// <param name="Strategies">The strategies in column order, each saying whether it used hindsight.</param>
/// <param name="Years">One row per real year, by calcutta id.</param>
/// <param name="Summary">Per strategy: the summary lines (years beating the real entry and the field average, realized dollars).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.BacktestReportDocument")]
public sealed record BacktestReportDocument(
    [property: Id(0)] string Command,
    [property: Id(1)] long NSims,
    [property: Id(2)] long Seed,
    [property: Id(3)] string EngineVersion,
    [property: Id(4)] string StartingState,
    [property: Id(5)] IReadOnlyList<BacktestStrategy> Strategies,
    [property: Id(6)] IReadOnlyList<BacktestYearRow> Years,
    [property: Id(7)] IReadOnlyList<BacktestStrategySummary> Summary);

/// <summary>One column of the table.</summary>
/// <param name="Key">Stable key: <c>naive_ev</c>, <c>ridge</c>, <c>experiment_modeled</c>, <c>experiment_real</c>, <c>oracle</c>, <c>real_entry</c>, <c>field_average</c>.</param>
/// <param name="Hindsight">True when the strategy saw something a player could not have known at the auction (the real bids).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.BacktestStrategy")]
public sealed record BacktestStrategy(
    [property: Id(0)] string Key,
    [property: Id(1)] string Label,
    [property: Id(2)] bool Hindsight,
    [property: Id(3)] string Description);

/// <summary>One real year: the pool, its excluded real entry and one cell per strategy.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.BacktestYearRow")]
public sealed record BacktestYearRow(
    [property: Id(0)] string CalcuttaId,
    [property: Id(1)] int Year,
    [property: Id(2)] string ExcludedEntryKey,
    [property: Id(3)] IReadOnlyList<BacktestCell> Cells);

/// <summary>
/// One strategy in one year, in integer cents (INV-1): (a) expected payout against the real field under σ = 10;
/// (b) the realized payout in the real tournament (exact, no simulation); (c) expected payouts under σ = 7 and 13.
/// </summary>
/// <param name="CandidateId">The entry played in the seat, when it is a product candidate.</param>
/// <param name="RunId">The σ = 10 simulation run the expected payout comes from.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.BacktestCell")]
public sealed record BacktestCell(
    [property: Id(0)] string Strategy,
    [property: Id(1)] long ExpectedPayoutCents,
    [property: Id(2)] long RealizedPayoutCents,
    [property: Id(3)] long ExpectedPayoutSigma7Cents,
    [property: Id(4)] long ExpectedPayoutSigma13Cents,
    [property: Id(5)] double? PInTheMoney,
    [property: Id(6)] string? CandidateId,
    [property: Id(7)] string? RunId);

/// <summary>A strategy over all years.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.BacktestStrategySummary")]
public sealed record BacktestStrategySummary(
    [property: Id(0)] string Strategy,
    [property: Id(1)] int YearsBeatingRealEntry,
    [property: Id(2)] int YearsBeatingFieldAverage,
    [property: Id(3)] int Years,
    [property: Id(4)] long MeanExpectedPayoutCents,
    [property: Id(5)] long RealizedPayoutCentsTotal);
