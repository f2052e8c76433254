namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>
/// What fraction of a pool's bid points lands on each team: every tournament team present (teams nobody bids on
/// carry 0), each share ≥ 0, the shares summing to 1 within 1e-12, ordered by <see cref="TeamShare.TeamId"/>
/// ordinal. Shares rather than points so that pools of different sizes and budgets compare directly; the factories
/// of <see cref="MarketShareModels"/> and <see cref="RidgeMarketModel"/> guarantee the invariants.
/// </summary>
public sealed record MarketShares(IReadOnlyList<TeamShare> Teams);

/// <summary>One team's fraction of the pool's bid points.</summary>
public sealed record TeamShare(string TeamId, double Share);
