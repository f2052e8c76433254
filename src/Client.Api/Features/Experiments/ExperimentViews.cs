using System.Globalization;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>One point of the convergence chart: the incumbent's expected payout over an iteration's simulations.</summary>
/// <param name="AcceptedPayoutCents">When this iteration accepted a challenger: its payout measured alone on fresh simulations.</param>
public sealed record ConvergencePoint(
    int Iteration, long MeanCents, long LowCents, long HighCents, long Simulations, bool Accepted, long? AcceptedPayoutCents)
{
    public static IReadOnlyList<ConvergencePoint> From(IEnumerable<ExperimentIteration> iterations) =>
        [.. iterations
            .Where(i => i.IncumbentPayout.Simulations > 0)
            .OrderBy(i => i.Iteration)
            .Select(i => new ConvergencePoint(i.Iteration, i.IncumbentPayout.MeanCents, i.IncumbentPayout.LowCents, i.IncumbentPayout.HighCents,
                i.IncumbentPayout.Simulations, i.AcceptedChallenger is not null, i.AcceptedPayout?.MeanCents))];
}

/// <summary>What became of a proposal.</summary>
public enum ChallengerOutcome
{
    /// <summary>Iteration 0: the starting entry, evaluated alone.</summary>
    Initial,
    Pruned,
    Evaluated,
    Accepted,
}

/// <summary>A row of the iterations table: one challenger (or the initial evaluation) and what became of it.</summary>
/// <param name="Proposal">The change from the incumbent, e.g. "+5 T01, −5 T02".</param>
/// <param name="Gain">Paired gain over the incumbent (screening batch only when pruned); null for the initial row.</param>
public sealed record ChallengerRow(
    int Iteration, int? Challenger, string Move, string Proposal, int? SpendPoints, ChallengerOutcome Outcome,
    PayoutStatistic Payout, PayoutStatistic? Gain)
{
    public static IReadOnlyList<ChallengerRow> From(IEnumerable<ExperimentIteration> iterations) =>
        [.. iterations.OrderBy(i => i.Iteration).SelectMany(Rows)];

    private static IEnumerable<ChallengerRow> Rows(ExperimentIteration iteration)
    {
        if (iteration.Challengers.Count == 0)
        {
            yield return new ChallengerRow(iteration.Iteration, null, iteration.Iteration == 0 ? "initial" : "—",
                BidText.Describe(iteration.IncumbentBids), iteration.IncumbentBids.Sum(b => b.BidPoints), ChallengerOutcome.Initial,
                iteration.IncumbentPayout, null);
            yield break;
        }

        foreach (var c in iteration.Challengers.OrderBy(c => c.Index))
        {
            var outcome = c.Pruned ? ChallengerOutcome.Pruned
                : iteration.AcceptedChallenger == c.Index ? ChallengerOutcome.Accepted : ChallengerOutcome.Evaluated;
            yield return new ChallengerRow(iteration.Iteration, c.Index, c.Move, BidText.Difference(iteration.IncumbentBids, c.Bids),
                c.SpendPoints, outcome, c.Payout, c.Gain);
        }
    }
}

/// <summary>Bids as short readable text: what an entry holds, and how a proposal differs from the incumbent.</summary>
public static class BidText
{
    /// <summary>"T01 12 · T02 8" in team order.</summary>
    public static string Describe(IReadOnlyList<EntryBid> bids) =>
        bids.Count == 0 ? "no bids" : string.Join(" · ", bids.OrderBy(b => b.TeamId, StringComparer.Ordinal).Select(b => $"{b.TeamId} {b.BidPoints}"));

    /// <summary>The first <paramref name="changes"/> changes and how many more; null when there are no more.</summary>
    public static string? Shorten(string difference, int changes)
    {
        var parts = difference.Split(", ");
        return parts.Length <= changes ? null : $"{string.Join(", ", parts.Take(changes))} and {parts.Length - changes} more change{(parts.Length - changes == 1 ? "" : "s")}";
    }

    /// <summary>"+5 T01, −5 T02, new T03 (3)": per team the change in points, largest first, then by team.</summary>
    public static string Difference(IReadOnlyList<EntryBid> from, IReadOnlyList<EntryBid> to)
    {
        var before = from.ToDictionary(b => b.TeamId, b => b.BidPoints);
        var after = to.ToDictionary(b => b.TeamId, b => b.BidPoints);
        var changes = before.Keys.Union(after.Keys)
            .Select(team => (team, was: before.GetValueOrDefault(team), now: after.GetValueOrDefault(team)))
            .Where(c => c.was != c.now)
            .OrderByDescending(c => Math.Abs(c.now - c.was)).ThenBy(c => c.team, StringComparer.Ordinal)
            .Select(c => c switch
            {
                { was: 0 } => $"new {c.team} ({c.now})",
                { now: 0 } => $"drop {c.team} ({c.was})",
                _ => string.Create(CultureInfo.InvariantCulture, $"{(c.now > c.was ? "+" : "−")}{Math.Abs(c.now - c.was)} {c.team}"),
            })
            .ToList();
        return changes.Count == 0 ? "no change" : string.Join(", ", changes);
    }
}

/// <summary>How statistics read on the page: a mean with its 95% interval, in dollars.</summary>
public static class StatText
{
    public static string MeanWithInterval(PayoutStatistic s) =>
        $"{Money.Dollars(s.MeanCents)} [{Money.Dollars(s.LowCents)}, {Money.Dollars(s.HighCents)}]";

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Outcome(ChallengerOutcome outcome) => outcome switch
    {
        ChallengerOutcome.Initial => "initial evaluation",
        ChallengerOutcome.Pruned => "pruned after screening",
        ChallengerOutcome.Accepted => "accepted",
        _ => "evaluated",
    };
}
