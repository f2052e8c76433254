using System.Text.Json;
using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Lab;

/// <summary>
/// Reads a candidate for its page from the same grains as <c>GET /api/v1/lab/candidates/{id}</c> and its lineage, and
/// resolves each upstream id to what it names: the artifacts' runs, the pool and tournament (with digest), the bids' numbers.
/// </summary>
public static class CandidateReader
{
    /// <summary>The candidate's page, or null when no candidate has this id.</summary>
    public static async Task<CandidateView?> ReadAsync(IClusterClient cluster, string candidateId)
    {
        var candidate = await cluster.GetGrain<ICandidateGrain>(candidateId).GetAsync();
        if (candidate is null)
        {
            return null;
        }

        var (_, entries) = await LabCatalog.ReadIndexAsync(cluster);
        var configs = entries.Where(m => m.CandidateId == candidate.CandidateId).Select(m => new LabConfigResponse(m.ConfigKey, m.Config)).ToList();
        var tournament = await cluster.GetGrain<ITournamentGrain>(candidate.TournamentId).GetAsync();
        var pool = await cluster.GetGrain<ICalcuttaGrain>(candidate.CalcuttaId).GetAsync();
        var advancement = await cluster.GetGrain<IArtifactGrain>(candidate.AdvancementArtifactId).GetAsync();
        var market = await cluster.GetGrain<IArtifactGrain>(candidate.MarketShareArtifactId).GetAsync();
        var bidsArtifact = await cluster.GetGrain<IArtifactGrain>(candidate.BidsArtifactId).GetAsync();
        var (bids, problem) = Bids(candidate, bidsArtifact, tournament);

        return new CandidateView(
            candidate,
            pool is not null
                ? new CandidateDataset(DatasetKinds.Calcutta, pool.CalcuttaId, pool.Name, pool.Digest, LabLinks.Pool(pool.CalcuttaId))
                : new CandidateDataset(DatasetKinds.SyntheticCalcutta, candidate.CalcuttaId, null, null,
                    LabLinks.Dataset(new DatasetRef(DatasetKinds.SyntheticCalcutta, candidate.CalcuttaId, ""))),
            new CandidateDataset(DatasetKinds.Tournament, candidate.TournamentId, tournament?.Name, tournament?.Digest, LabLinks.Tournament(candidate.TournamentId)),
            advancement?.RunId,
            market?.RunId,
            configs,
            bids,
            problem,
            await ArtifactLineageReader.ReadAsync(cluster, candidate.BidsArtifactId));
    }

    /// <summary>The bids artifact's rows in its order (the optimizer's), named from the tournament; the candidate's own bids if it cannot be read.</summary>
    public static (IReadOnlyList<CandidateBidRow> Rows, string? Problem) Bids(CandidateRecord candidate, ArtifactRecord? artifact, TournamentSnapshot? tournament)
    {
        var teams = tournament?.Teams.ToDictionary(t => t.TeamId) ?? [];
        CandidateBidRow Row(string teamId, int bid, BidsArtifactRow? stored)
        {
            var team = teams.GetValueOrDefault(teamId);
            return new CandidateBidRow(teamId, team?.Name, team?.Seed, team?.Region, bid,
                stored?.ExpectedPoints, stored?.MarketPoints, stored?.CapturedPoints, stored?.ExpectedRoi);
        }

        var problem = artifact switch
        {
            null => $"The bids artifact {candidate.BidsArtifactId} does not exist, so E, M, captured points and ROI are not shown.",
            { InlineContent: null } => $"The bids artifact {candidate.BidsArtifactId} has no inline content, so E, M, captured points and ROI are not shown.",
            _ => null,
        };
        if (problem is null)
        {
            try
            {
                var stored = JsonSerializer.Deserialize<List<BidsArtifactRow>>(artifact!.InlineContent!, JsonSerializerOptions.Web) ?? [];
                return (stored.Select(s => Row(s.TeamId, s.BidPoints, s)).ToList(), null);
            }
            catch (JsonException)
            {
                problem = $"The bids artifact {candidate.BidsArtifactId} could not be read, so E, M, captured points and ROI are not shown.";
            }
        }

        return (candidate.Bids.Select(b => Row(b.TeamId, b.BidPoints, null)).ToList(), problem);
    }

    /// <summary>A row of a strategy run's <c>bids</c> artifact (its JSON, camelCase).</summary>
    private sealed record BidsArtifactRow(string TeamId, int BidPoints, double ExpectedPoints, double MarketPoints, double CapturedPoints, double ExpectedRoi);
}
