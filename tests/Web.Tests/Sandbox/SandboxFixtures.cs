using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Web.Tests.Sandbox;

/// <summary>Fixed Sandbox contracts to render components from.</summary>
public static class SandboxFixtures
{
    public static readonly PoolRules Rules = new(100, 3, 10, 1, 50);

    public static SyntheticCalcuttaSnapshot Snapshot(int version = 1, string? focus = null, string? excluded = null, params SyntheticEntry[] entries) =>
        new("syn-test", "Copy of calcutta-2025", "ncaa-2025", "calcutta-2025", Rules, ScoringRule.HouseRules,
            [new Payout(1, 60_000), new Payout(2, 25_000), new Payout(3, 15_000)],
            entries.Length > 0 ? entries : [Entry("P001", ("duke", 40), ("houston", 30), ("florida", 30))],
            excluded, focus, version, $"sha256:{version:x4}aaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    public static SyntheticEntry Entry(string key, params (string Team, int Points)[] bids) =>
        new(key, null, bids.Select(b => new EntryBid(b.Team, b.Points)).ToList());

    public static SyntheticEntry Candidate(string id, params (string Team, int Points)[] bids) =>
        new(id, id, bids.Select(b => new EntryBid(b.Team, b.Points)).ToList());

    public static CohortYearRow Year(int year, long? expectedCents, long? fieldCents, bool hindsight = false, string status = "succeeded") =>
        new($"calcutta-{year}-cand-x", $"ncaa-{year}", year, "sha256:abc", $"run-sim-{year}", status, $"P{year}",
            expectedCents is null ? null : $"cand-{year}", expectedCents, expectedCents is null ? null : 1.25, expectedCents is null ? null : 0.05,
            expectedCents is null ? null : 0.4, expectedCents is null ? null : 75.5, expectedCents is null ? null : 40, fieldCents, hindsight);
}
