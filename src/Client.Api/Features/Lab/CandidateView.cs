using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Api.Features.Lab;

/// <summary>
/// One bid of a candidate as the bids artifact stores it (E, M, captured points and ROI are the engine's numbers), with
/// the team's name, seed and region from the pinned tournament. Null numbers: the artifact could not be read.
/// </summary>
public sealed record CandidateBidRow(
    string TeamId,
    string? TeamName,
    int? Seed,
    string? Region,
    int BidPoints,
    double? ExpectedPoints,
    double? MarketPoints,
    double? CapturedPoints,
    double? ExpectedRoi)
{
    /// <summary>The share of the team the bid is expected to own, b / (M + b): a ratio of the stored numbers.</summary>
    public double? Ownership => MarketPoints is { } m && m + BidPoints > 0 ? BidPoints / (m + BidPoints) : null;
}

/// <summary>A dataset the candidate was made from, with the page it opens on and its digest.</summary>
public sealed record CandidateDataset(string Kind, string Id, string? Name, string? Digest, string Href);

/// <summary>Everything the candidate page shows: typed provenance with the ids resolved to the runs and datasets behind them.</summary>
/// <param name="Pool">The pool (a real one, or a synthetic calcutta for an experiment's candidate).</param>
/// <param name="AdvancementRunId">The run that wrote the advancement artifact (null when that record is gone).</param>
/// <param name="BidsProblem">Why the bids artifact's numbers are missing, when they are.</param>
public sealed record CandidateView(
    CandidateRecord Candidate,
    CandidateDataset Pool,
    CandidateDataset Tournament,
    string? AdvancementRunId,
    string? MarketShareRunId,
    IReadOnlyList<LabConfigResponse> LabConfigs,
    IReadOnlyList<CandidateBidRow> Bids,
    string? BidsProblem,
    LineageResponse? Lineage)
{
    public int TotalBidPoints => Bids.Sum(b => b.BidPoints);

    /// <summary>Sums of a column, or null when any row lacks it (a partial total would mislead).</summary>
    public static double? Total(IEnumerable<CandidateBidRow> rows, Func<CandidateBidRow, double?> column)
    {
        double total = 0;
        foreach (var row in rows)
        {
            if (column(row) is not { } value)
            {
                return null;
            }

            total += value;
        }

        return total;
    }
}
