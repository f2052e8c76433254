using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Tests.Sandbox;

/// <summary>Hand-made Sandbox definitions and entries for grain tests (2025: budget 100, 3–10 teams, bids 1–50).</summary>
public static class SandboxRecords
{
    public const string Calcutta2025 = "calcutta-2025";
    public const string Tournament2025 = "ncaa-2025";

    public static readonly PoolRules Rules = new(BudgetPoints: 100, MinTeams: 3, MaxTeams: 10, MinBidPoints: 1, MaxBidPoints: 50);

    public static readonly IReadOnlyList<Payout> Payouts = [new(1, 60_000), new(2, 30_000), new(3, 0)];

    /// <summary>A valid 2025 entry (sorted by team, as the grain stores it).</summary>
    public static readonly IReadOnlyList<EntryBid> ValidBids = [new("duke", 40), new("florida", 30), new("houston", 30)];

    public static readonly IReadOnlyList<EntryBid> OtherValidBids = [new("auburn", 50), new("houston", 25), new("tennessee", 25)];

    public static SyntheticCalcuttaDefinition FromCalcutta(string name = "Copy of 2025", string calcuttaId = Calcutta2025) =>
        new(name, calcuttaId, null, null, null, null);

    public static SyntheticCalcuttaDefinition Empty(string name = "Empty 2025") =>
        new(name, null, Tournament2025, Rules, null, Payouts);

    public static CohortSettings Settings { get; } = new(1_000, 7, "post_first_four", CohortSettings.MemberPolicy, 10.0);

    /// <summary>Entries as comparable text: records holding lists compare the lists by reference.</summary>
    public static IEnumerable<string> Describe(IEnumerable<SyntheticEntry> entries) =>
        entries.Select(e => $"{e.EntryKey}|{e.CandidateId}|{string.Join(",", e.Bids.Select(b => $"{b.TeamId}:{b.BidPoints}"))}");

    public static void AssertSameContent(SyntheticCalcuttaSnapshot expected, SyntheticCalcuttaSnapshot? actual, bool compareVersion = true)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.SyntheticCalcuttaId, actual.SyntheticCalcuttaId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.TournamentId, actual.TournamentId);
        Assert.Equal(expected.SourceCalcuttaId, actual.SourceCalcuttaId);
        Assert.Equal(expected.Rules, actual.Rules);
        Assert.Equal(expected.ScoringRules, actual.ScoringRules);
        Assert.Equal(expected.Payouts, actual.Payouts);
        Assert.Equal(Describe(expected.Entries), Describe(actual.Entries));
        Assert.Equal(expected.ExcludedEntryKey, actual.ExcludedEntryKey);
        Assert.Equal(expected.FocusCandidateId, actual.FocusCandidateId);
        Assert.Equal(expected.Digest, actual.Digest);
        if (compareVersion)
        {
            Assert.Equal(expected.Version, actual.Version);
        }
    }

    /// <summary>Asserts an Ok outcome (showing the errors otherwise) and returns the snapshot.</summary>
    public static T AssertOk<T>(CommandResult<T> result)
        where T : class
    {
        Assert.True(result.Outcome == CommandOutcome.Accepted, $"{result.Outcome}: {ErrorsText(result)}");
        Assert.Empty(result.Errors);
        Assert.NotNull(result.Snapshot);
        return result.Snapshot;
    }

    /// <summary>Asserts the outcome and that <paramref name="field"/> carries an error.</summary>
    public static void AssertRejected<T>(CommandResult<T> result, CommandOutcome outcome, string field)
        where T : class
    {
        Assert.True(result.Outcome == outcome, $"expected {outcome} on '{field}', got {result.Outcome}: {ErrorsText(result)}");
        Assert.True(result.Errors.TryGetValue(field, out var messages) && messages.Length > 0, $"no error on '{field}': {ErrorsText(result)}");
    }

    /// <summary>Asserts a conflict that says why.</summary>
    public static void AssertConflict<T>(CommandResult<T> result)
        where T : class
    {
        Assert.True(result.Outcome == CommandOutcome.Conflict, $"expected a conflict, got {result.Outcome}: {ErrorsText(result)}");
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    private static string ErrorsText<T>(CommandResult<T> result)
        where T : class =>
        string.Join("; ", result.Errors.Select(p => $"{p.Key}: {string.Join(" | ", p.Value)}").Prepend(result.Reason).OfType<string>());
}
