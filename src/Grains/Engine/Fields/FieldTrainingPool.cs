using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Optimizer;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// One real pool a field model may learn from: its tournament (for seed lines and ratings), its entries and its rules
/// (the budget turns bids into fractions of the budget, so pools with other budgets compare).
/// </summary>
public sealed record FieldTrainingPool(BracketTournament Tournament, PoolBids Pool, OptimizerBounds Rules);

/// <summary>
/// The pool a field is drawn for. Fitting ignores any training pool with this pool id or of this tournament: another
/// pool of the same year would still leak that year's market into the "honest" field.
/// </summary>
public sealed record FieldTarget(string PoolId, string TournamentId);
