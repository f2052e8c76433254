using Xunit;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// ridge predicts each pool leave-one-year-out: its market_share run pins every other real pool (and that
/// pool's tournament) as training data, at the version the API serves, and never the pool it predicts —
/// otherwise the Lab's ridge candidates would have seen the bids they are judged against.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class RidgeTrainingExclusionTests(GeneratedLabFixture lab)
{
    [Fact]
    public async Task Each_pools_ridge_run_trains_on_exactly_the_other_seven_pools_at_their_served_digests()
    {
        var pools = new Dictionary<string, (string TournamentId, string Digest)>(StringComparer.Ordinal);
        var tournaments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in LabCandidatesApi.RealPools)
        {
            var pool = await lab.Http.GetOkAsync($"/api/v1/calcuttas/{id}");
            pools[id] = (pool.Text("tournamentId"), pool.Text("digest"));
            tournaments[pool.Text("tournamentId")] = (await lab.Http.GetOkAsync($"/api/v1/tournaments/{pool.Text("tournamentId")}")).Text("digest");
        }

        foreach (var (target, outcome) in LabCandidatesApi.PoolsById(lab.Reports["ridge"]))
        {
            var run = await lab.Http.GetOkAsync($"/api/v1/runs/{outcome.Text("marketShareRunId")}");
            Assert.True(run.Text("kind") == "market_share" && run["params"].Text("model") == "ridge", run.ToJsonString());
            Assert.Equal(target, run["params"].Text("calcuttaId"));
            var refs = run["datasetRefs"].Objects().Select(r => (Kind: r.Text("kind"), Id: r.Text("id"), Digest: r.Text("digest"))).ToList();
            var others = pools.Keys.Where(p => p != target).ToList();

            var training = refs.Where(r => r.Kind == "training_calcutta").OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            Assert.Equal(others.Select(p => ("training_calcutta", p, pools[p].Digest)), training);
            Assert.DoesNotContain(training, r => r.Id == target);

            var trainingTournaments = refs.Where(r => r.Kind == "training_tournament").OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            Assert.Equal(
                others.Select(p => pools[p].TournamentId).Order(StringComparer.Ordinal).Select(t => ("training_tournament", t, tournaments[t])),
                trainingTournaments);
            Assert.DoesNotContain(trainingTournaments, r => r.Id == pools[target].TournamentId);

            // The pool it predicts is pinned as the target, not as training data.
            Assert.Contains(("calcutta", target, pools[target].Digest), refs);
            Assert.Contains(("tournament", pools[target].TournamentId, tournaments[pools[target].TournamentId]), refs);
        }
    }
}
