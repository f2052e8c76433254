namespace LabSandbox.Grains.Engine.Optimizer;

/// <summary>
/// One team the optimizer may bid on: <paramref name="ExpectedPoints"/> (E) is what the team is expected to
/// score, <paramref name="MarketPoints"/> (M ≥ 0) is what the other entrants are predicted to bid on it.
/// </summary>
public sealed record OptimizerTeam(string TeamId, double ExpectedPoints, double MarketPoints);

/// <summary>
/// The pool's rules: total spend ≤ <paramref name="Budget"/>; every nonzero bid lies in
/// [<paramref name="MinBid"/>, <paramref name="MaxBid"/>]; the number of nonzero bids lies in
/// [<paramref name="MinTeams"/>, <paramref name="MaxTeams"/>].
/// </summary>
public sealed record OptimizerBounds(int Budget, int MinTeams, int MaxTeams, int MinBid, int MaxBid);

/// <summary>One nonzero bid and the share of the team's expected points it captures, E·b/(M+b).</summary>
public sealed record TeamBid(string TeamId, int Bid, double CapturedPoints);

/// <summary>
/// An optimizer result: <paramref name="Bids"/> holds the nonzero bids only, ordered by TeamId (ordinal);
/// <paramref name="Objective"/> = Σ captured points; <paramref name="Spend"/> = Σ bids.
/// </summary>
public sealed record Allocation(IReadOnlyList<TeamBid> Bids, double Objective, int Spend);
