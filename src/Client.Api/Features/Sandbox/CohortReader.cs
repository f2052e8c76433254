using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>
/// One member (year) of a cohort simulation as the results table and chart show it. Money in integer cents.
/// <see cref="FieldAverageCents"/> is the pool's total payout over the entries in the simulated field (every entry's
/// expected payout averages to exactly that when every position is paid). <see cref="Hindsight"/>: the candidate was
/// chosen with the pool's real bids (the <c>oracle</c> market model), which nobody knows before the auction.
/// The <c>Real*</c> fields are the real excluded entry's own expected payout, from the baseline simulation of the source pool
/// as it was (<see cref="CohortBaselineReader"/>); null until that run has been read.
/// </summary>
public sealed record CohortYearRow(
    string SyntheticCalcuttaId, string TournamentId, int? Year, string Digest, string RunId, string Status, string? ExcludedEntryKey,
    string? CandidateId, long? ExpectedPayoutCents, double? MeanNormalizedPayout, double? PFirst, double? PInTheMoney, double? RankPercentile,
    int? FieldEntries, long? FieldAverageCents, bool Hindsight, string? SourceCalcuttaId = null,
    string? RealRunId = null, string? RealRunStatus = null, string? RealEntryKey = null, long? RealExpectedPayoutCents = null);

/// <summary>Everything CohortDetail shows.</summary>
public sealed record CohortView(CohortSnapshot Cohort, IReadOnlyList<SyntheticCalcuttaSummary?> Members, IReadOnlyList<CohortResults> Simulations);

/// <summary>Reads a cohort, its members and its simulations' results through the grain contracts (reads only).</summary>
public static class CohortReader
{
    public static async Task<CohortView?> ReadAsync(IClusterClient cluster, string cohortId)
    {
        if (await cluster.GetGrain<ICohortGrain>(cohortId).GetAsync() is not { } cohort)
        {
            return null;
        }

        var members = new List<SyntheticCalcuttaSummary?>();
        foreach (var id in cohort.Members)
        {
            members.Add(await cluster.GetGrain<ISyntheticCalcuttaGrain>(id).GetAsync() is { } s ? SandboxCatalogReader.Summary(s) : null);
        }

        var results = await cluster.GetGrain<ICohortResultsGrain>(0).ListAsync(cohortId) ?? [];
        return new CohortView(cohort, members, results);
    }

    /// <summary>The rows of one simulation, in member order, from the versions its runs pinned.</summary>
    public static async Task<IReadOnlyList<CohortYearRow>> RowsAsync(IClusterClient cluster, CohortResults simulation)
    {
        var oracle = (await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync())
            .Where(e => e.Config.MarketModel == "oracle").Select(e => e.CandidateId).ToHashSet();
        var rows = new List<CohortYearRow>();
        foreach (var m in simulation.Members)
        {
            var pinned = await SyntheticCalcuttaReader.VersionAsync(cluster, m.SyntheticCalcuttaId, m.Digest);
            rows.Add(Row(m, pinned, m.Focus is { } f && oracle.Contains(f.CandidateId)));
        }

        return rows;
    }

    public static CohortYearRow Row(CohortMemberResult m, SyntheticCalcuttaSnapshot? pinned, bool hindsight)
    {
        var f = m.Focus;
        var tournamentId = pinned?.TournamentId ?? "";
        int? year = tournamentId.StartsWith("ncaa-", StringComparison.Ordinal) && int.TryParse(tournamentId[5..], out var y) ? y : null;
        long? fieldAverage = f is { FieldEntries: > 0 } && pinned is not null
            ? (long)Math.Round((decimal)pinned.Payouts.Sum(p => p.AmountCents) / f.FieldEntries, MidpointRounding.ToEven)
            : null;
        return new CohortYearRow(m.SyntheticCalcuttaId, tournamentId, year, m.Digest, m.RunId, m.Status, pinned?.ExcludedEntryKey,
            f?.CandidateId, f?.ExpectedPayoutCents, f?.MeanNormalizedPayout, f?.PFirst, f?.PInTheMoney, f?.RankPercentile, f?.FieldEntries,
            fieldAverage, hindsight, pinned?.SourceCalcuttaId);
    }
}
