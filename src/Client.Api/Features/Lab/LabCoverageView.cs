using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Api.Features.Lab;

/// <summary>One config's row of the coverage matrix: its candidate per pool (null where it has none yet).</summary>
public sealed record LabCoverageRow(string ConfigKey, LabConfig Config, IReadOnlyDictionary<string, string?> CandidateByPool)
{
    public int Covered => CandidateByPool.Values.Count(c => c is not null);

    public int Total => CandidateByPool.Count;
}

/// <summary>The coverage matrix: configs × real pools, the columns in the catalog's order.</summary>
public sealed record LabCoverageView(IReadOnlyList<string> Pools, IReadOnlyList<LabCoverageRow> Rows)
{
    /// <summary>
    /// The matrix of the index, the same counts as <see cref="LabCatalog.Coverage"/> (which counts a config against every
    /// real pool); the filter picks the rows by config fields and the columns by pool.
    /// </summary>
    public static LabCoverageView From(IReadOnlyList<string> pools, IEnumerable<LabCandidateEntry> entries, LabCandidateFilter filter)
    {
        var columns = pools.Where(p => filter.CalcuttaId is null || p == filter.CalcuttaId).ToList();
        var rows = entries
            .GroupBy(e => e.ConfigKey)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Where(g => filter.Matches(g.Key, g.First().Config))
            .Select(g => new LabCoverageRow(g.Key, g.First().Config,
                columns.ToDictionary(p => p, p => g.FirstOrDefault(e => e.CalcuttaId == p)?.CandidateId)))
            .ToList();
        return new LabCoverageView(columns, rows);
    }

    /// <summary>A short, readable name of a config: what differs between configs comes first.</summary>
    public static string Describe(LabConfig c) => FormattableString.Invariant(
        $"{c.MarketModel} · σ {c.AdvancementModel.Sigma:0.###} · {c.StartingState} · excluded: {c.ExcludedEntry} · {c.OptimizerKey}");

    /// <summary>"2017" for a real pool's id, the id itself otherwise.</summary>
    public static string PoolLabel(string calcuttaId) =>
        calcuttaId.StartsWith("calcutta-", StringComparison.Ordinal) ? calcuttaId["calcutta-".Length..] : calcuttaId;
}
