using LabSandbox.Api.Components.Shared;

namespace LabSandbox.Api.Features.Simulations;

/// <summary>
/// The leaderboard as exported: the rows in the order shown, every field of the metrics artifact raw (cents,
/// probabilities), so the file can be checked against the artifact value for value.
/// </summary>
public static class LeaderboardExport
{
    public static TableExport Table(string runId, IReadOnlyList<LeaderboardRow> rows, string? focusEntryKey) =>
        TableExport.From($"leaderboard-{runId}", rows,
            ("rank", r => r.Rank),
            ("entryKey", r => r.EntryKey),
            ("focusCandidate", r => r.EntryKey == focusEntryKey),
            ("payoutCentsTotal", r => r.PayoutCentsTotal),
            ("expectedPayoutCents", r => r.ExpectedPayoutCents),
            ("pFirst", r => r.PFirst),
            ("pTop3", r => r.PTop3),
            ("pTop6", r => r.PTop6),
            ("pTop10", r => r.PTop10),
            ("pInTheMoney", r => r.PInTheMoney),
            ("meanPoints", r => r.MeanPoints),
            ("stdDevPoints", r => r.StdDevPoints),
            ("meanNormalizedPayout", r => r.MeanNormalizedPayout),
            ("medianNormalizedPayout", r => r.MedianNormalizedPayout));
}
