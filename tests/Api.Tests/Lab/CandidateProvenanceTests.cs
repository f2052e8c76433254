using System.Text.Json.Nodes;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// A candidate says what made it as typed fields, and each field checks out against the artifact and
/// run it names: the advancement of the pool's tournament from the same starting state, the market shares of
/// the same pool and model. Its lineage reaches the exact tournament and pool versions the API serves.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class CandidateProvenanceTests(GeneratedLabFixture lab)
{
    [Theory]
    [InlineData("naive_ev")]
    [InlineData("oracle")]
    [InlineData("ridge")]
    public async Task A_candidates_typed_provenance_names_the_runs_and_artifacts_that_made_it(string marketModel)
    {
        var report = lab.Reports[marketModel];
        foreach (var (calcuttaId, outcome) in LabCandidatesApi.PoolsById(report))
        {
            var candidateId = outcome.Text("candidateId");
            var candidate = await lab.Http.GetOkAsync($"/api/v1/lab/candidates/{candidateId}");
            var pool = await lab.Http.GetOkAsync($"/api/v1/calcuttas/{calcuttaId}");
            var tournamentId = pool.Text("tournamentId");

            Assert.Equal(candidateId, candidate.Text("candidateId"));
            Assert.Equal("strategy_generation", candidate.Text("sourceKind"));
            Assert.Equal(calcuttaId, candidate.Text("calcuttaId"));
            Assert.Equal(tournamentId, candidate.Text("tournamentId"));
            Assert.Equal("dp-v1", candidate.Text("optimizerKey"));
            Assert.Equal("post_first_four", candidate.Text("startingState"));
            Assert.Equal(
                pool["entries"].Objects().Single(e => e["isLabExcluded"]!.GetValue<bool>()).Text("entryKey"),
                candidate["excludedEntryKey"]?.GetValue<string>());
            Assert.Equal(outcome.Text("strategyRunId"), candidate.Text("sourceRunId"));
            Assert.Equal($"/api/v1/lab/candidates/{candidateId}/lineage", candidate.Text("lineageUrl"));
            Assert.Contains(candidate["labConfigs"].Objects(), c =>
                c.Text("configKey") == report.Text("configKey") && JsonNode.DeepEquals(c["config"], report["config"]));

            // The advancement artifact: metrics of a succeeded advancement run of this pool's tournament, same starting state.
            var advancement = await lab.Http.GetOkAsync($"/api/v1/artifacts/{candidate.Text("advancementArtifactId")}");
            Assert.Equal("metrics", advancement.Text("kind"));
            Assert.Equal(outcome.Text("advancementRunId"), advancement.Text("runId"));
            var advancementRun = await lab.Http.GetOkAsync($"/api/v1/runs/{advancement.Text("runId")}");
            Assert.True(advancementRun.Text("kind") == "advancement" && advancementRun.Text("status") == "succeeded", advancementRun.ToJsonString());
            Assert.Equal(tournamentId, advancementRun["params"].Text("tournamentId"));
            Assert.Equal(candidate.Text("startingState"), advancementRun["params"].Text("startingState"));

            // The market-share artifact: of a succeeded market_share run over the same pool, with the config's model.
            var market = await lab.Http.GetOkAsync($"/api/v1/artifacts/{candidate.Text("marketShareArtifactId")}");
            Assert.Equal("market_share", market.Text("kind"));
            Assert.Equal(outcome.Text("marketShareRunId"), market.Text("runId"));
            var marketRun = await lab.Http.GetOkAsync($"/api/v1/runs/{market.Text("runId")}");
            Assert.True(marketRun.Text("kind") == "market_share" && marketRun.Text("status") == "succeeded", marketRun.ToJsonString());
            Assert.Equal(calcuttaId, marketRun["params"].Text("calcuttaId"));
            Assert.Equal(marketModel, marketRun["params"].Text("model"));
            Assert.Equal(candidate.Text("advancementArtifactId"), marketRun["params"].Text("advancementArtifactId"));
            Assert.Equal(candidate.Text("excludedEntryKey"), marketRun["params"].Text("excludedEntryKey"));

            // The bids artifact: made by the source run, from exactly those two artifacts.
            var bids = await lab.Http.GetOkAsync($"/api/v1/artifacts/{candidate.Text("bidsArtifactId")}");
            Assert.Equal("bids", bids.Text("kind"));
            Assert.Equal(candidate.Text("sourceRunId"), bids.Text("runId"));
            Assert.Equal(
                new[] { candidate.Text("advancementArtifactId"), candidate.Text("marketShareArtifactId") }.Order(StringComparer.Ordinal),
                bids["lineage"]!["upstreamArtifactIds"]!.AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("naive_ev")]
    [InlineData("oracle")]
    [InlineData("ridge")]
    public async Task A_candidates_lineage_walks_back_to_the_digests_of_its_tournament_and_pool(string marketModel)
    {
        foreach (var (calcuttaId, candidateId) in lab.CandidateIds(marketModel))
        {
            var candidate = await lab.Http.GetOkAsync($"/api/v1/lab/candidates/{candidateId}");
            var pool = await lab.Http.GetOkAsync($"/api/v1/calcuttas/{calcuttaId}");
            var tournament = await lab.Http.GetOkAsync($"/api/v1/tournaments/{pool.Text("tournamentId")}");

            var lineage = await lab.Http.GetOkAsync(candidate.Text("lineageUrl"));

            var context = $"{marketModel} {calcuttaId}: {lineage.ToJsonString()}";
            Assert.Equal(candidate.Text("bidsArtifactId"), lineage.Text("artifactId"));
            var nodes = lineage["nodes"].Objects().ToDictionary(n => n.Text("artifactId"), StringComparer.Ordinal);
            Assert.True(nodes.TryGetValue(candidate.Text("bidsArtifactId"), out var bidsNode), context);
            Assert.Equal("strategy_generation", bidsNode!.Text("runKind"));
            Assert.True(nodes.TryGetValue(candidate.Text("marketShareArtifactId"), out var marketNode), context);
            Assert.Equal("market_share", marketNode!.Text("runKind"));
            Assert.True(nodes.TryGetValue(candidate.Text("advancementArtifactId"), out var advancementNode), context);
            Assert.Equal("advancement", advancementNode!.Text("runKind"));
            Assert.All(nodes.Values, n => Assert.All(n["upstreamArtifactIds"]!.AsArray(), u => Assert.True(nodes.ContainsKey(u!.GetValue<string>()), context)));

            var refs = nodes.Values.SelectMany(n => n["datasetRefs"].Objects())
                .Select(r => (Kind: r.Text("kind"), Id: r.Text("id"), Digest: r.Text("digest")))
                .ToHashSet();
            Assert.Contains(("tournament", tournament.Text("tournamentId"), tournament.Text("digest")), refs);
            Assert.Contains(("calcutta", calcuttaId, pool.Text("digest")), refs);

            // Nothing in the walk points at another version, or another tournament or pool, under those kinds.
            Assert.Equal([(tournament.Text("tournamentId"), tournament.Text("digest"))], refs.Where(r => r.Kind == "tournament").Select(r => (r.Id, r.Digest)));
            Assert.Equal([(calcuttaId, pool.Text("digest"))], refs.Where(r => r.Kind == "calcutta").Select(r => (r.Id, r.Digest)));
        }
    }
}
