using System.Text.RegularExpressions;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Sandbox;

/// <summary>Checks an entry against a pool's rules and its tournament's teams; one clear message per problem.</summary>
public static partial class EntryValidator
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<EntryBid>? bids, PoolRules rules, IReadOnlySet<string> teamIds)
    {
        if (bids is null)
        {
            return ["'bids' is required."];
        }

        var problems = new List<string>();
        if (bids.Count < rules.MinTeams || bids.Count > rules.MaxTeams)
        {
            problems.Add($"An entry bids on {rules.MinTeams} to {rules.MaxTeams} teams; this one has {bids.Count}.");
        }

        foreach (var bid in bids)
        {
            if (!teamIds.Contains(bid.TeamId))
            {
                problems.Add($"Team '{bid.TeamId}' is not in the tournament.");
            }

            if (bid.BidPoints < rules.MinBidPoints || bid.BidPoints > rules.MaxBidPoints)
            {
                problems.Add($"A bid is {rules.MinBidPoints} to {rules.MaxBidPoints} points; '{bid.TeamId}' has {bid.BidPoints}.");
            }
        }

        foreach (var duplicate in bids.GroupBy(b => b.TeamId).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            problems.Add($"Team '{duplicate}' appears more than once.");
        }

        var total = bids.Sum(b => (long)b.BidPoints);
        if (total > rules.BudgetPoints)
        {
            problems.Add($"Bids total at most {rules.BudgetPoints} points; this entry totals {total}.");
        }

        return problems;
    }

    public static IReadOnlyList<string> RuleProblems(PoolRules? rules) =>
        rules switch
        {
            null => ["'rules' is required."],
            { BudgetPoints: < 1 } => ["'rules.budgetPoints' must be at least 1."],
            { MinTeams: < 1 } or { MaxTeams: < 1 } => ["'rules.minTeams' and 'rules.maxTeams' must be at least 1."],
            _ when rules.MinTeams > rules.MaxTeams => ["'rules.minTeams' must not exceed 'rules.maxTeams'."],
            { MinBidPoints: < 1 } => ["'rules.minBidPoints' must be at least 1."],
            _ when rules.MinBidPoints > rules.MaxBidPoints => ["'rules.minBidPoints' must not exceed 'rules.maxBidPoints'."],
            _ when (long)rules.MinTeams * rules.MinBidPoints > rules.BudgetPoints => ["No entry can satisfy these rules: minTeams × minBidPoints exceeds the budget."],
            _ => [],
        };

    public static IReadOnlyList<string> PayoutProblems(IReadOnlyList<Payout>? payouts) =>
        payouts switch
        {
            null or { Count: 0 } => ["'payouts' must list at least one paid position."],
            _ when payouts.Any(p => p.Position < 1 || p.AmountCents < 0) => ["Payout positions start at 1 and amounts are non-negative cents."],
            _ when payouts.Select(p => p.Position).Distinct().Count() != payouts.Count => ["Each payout position appears once."],
            _ => [],
        };

    /// <summary>Entry keys are short and URL-safe: they appear in paths and results.</summary>
    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\z")]
    private static partial Regex KeyPattern();
}
