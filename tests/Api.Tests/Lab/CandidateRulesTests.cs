using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// Every Lab candidate is an entry its pool would accept, judged by the rules the calcuttas endpoint serves
/// (not by the optimizer's own bounds), and replaces exactly the entry the pool marks as lab-excluded.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class CandidateRulesTests(GeneratedLabFixture lab)
{
    [Theory]
    [InlineData("naive_ev")]
    [InlineData("oracle")]
    [InlineData("ridge")]
    public async Task Every_candidate_satisfies_its_pools_rules_and_excludes_the_lab_marked_entry(string marketModel)
    {
        foreach (var (calcuttaId, candidateId) in lab.CandidateIds(marketModel))
        {
            var pool = await lab.Http.GetOkAsync($"/api/v1/calcuttas/{calcuttaId}");
            var rules = pool["rules"]!;
            var tournament = await lab.Http.GetOkAsync($"/api/v1/tournaments/{pool.Text("tournamentId")}");
            var tournamentTeams = tournament["teams"].Objects().Select(t => t.Text("teamId")).ToHashSet(StringComparer.Ordinal);
            var marked = pool["entries"].Objects().Where(e => e["isLabExcluded"]!.GetValue<bool>()).ToList();
            Assert.True(marked.Count == 1, $"{calcuttaId} marks {marked.Count} entries lab-excluded");

            var candidate = await lab.Http.GetOkAsync($"/api/v1/lab/candidates/{candidateId}");
            var bids = candidate["bids"].Objects().Select(b => (TeamId: b.Text("teamId"), Points: b["bidPoints"]!.GetValue<int>())).ToList();
            var context = $"{marketModel} {calcuttaId} {candidateId}: {candidate["bids"]!.ToJsonString()} under {rules.ToJsonString()}";

            Assert.Equal(calcuttaId, candidate.Text("calcuttaId"));
            Assert.InRange(bids.Count, rules["minTeams"]!.GetValue<int>(), rules["maxTeams"]!.GetValue<int>());
            Assert.True((rules["minTeams"]!.GetValue<int>(), rules["maxTeams"]!.GetValue<int>()) == (3, 10), context);
            Assert.All(bids, b => Assert.InRange(b.Points, rules["minBidPoints"]!.GetValue<int>(), rules["maxBidPoints"]!.GetValue<int>()));
            Assert.True((rules["minBidPoints"]!.GetValue<int>(), rules["maxBidPoints"]!.GetValue<int>()) == (1, 50), context);
            Assert.True(bids.Sum(b => b.Points) <= rules["budgetPoints"]!.GetValue<int>(), context);
            Assert.Equal(100, rules["budgetPoints"]!.GetValue<int>());
            Assert.Equal(bids.Sum(b => b.Points), candidate["spendPoints"]!.GetValue<int>());
            Assert.True(bids.Select(b => b.TeamId).Distinct().Count() == bids.Count, context);
            Assert.True(bids.All(b => tournamentTeams.Contains(b.TeamId)), context);
            Assert.Equal(pool.Text("tournamentId"), candidate.Text("tournamentId"));
            Assert.Equal(marked[0].Text("entryKey"), candidate["excludedEntryKey"]?.GetValue<string>());
        }
    }
}
