using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Simulations;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// The Sandbox's point: a real pool copied, its lab-marked entry replaced by a Lab candidate, simulated as one
/// field. The run must sample exactly that field — the candidate as an entry under its own id, the excluded
/// entry gone — call out the focus candidate by id (INV-8), and pin the synthetic calcutta's version by digest.
/// </summary>
[Collection(SandboxLabCollection.Name)]
public sealed class SyntheticCalcuttaSimulationTests(SandboxLabFixture lab)
{
    private const string Pool = "calcutta-2025";
    private const string SyntheticId = "syn-simulate-2025";

    [Fact]
    public async Task A_simulated_copy_replaces_the_excluded_entry_with_the_focus_candidate_and_pins_the_copys_digest()
    {
        var http = lab.Http;
        var candidateId = lab.CandidateIds[Pool];
        var pool = await http.GetOkAsync($"/api/v1/calcuttas/{Pool}");
        var poolKeys = pool.EntryKeys();
        var excluded = await http.LabExcludedEntryKeyAsync(Pool);

        var copy = await http.CreateFromCalcuttaAsync(SyntheticId, Pool);
        Assert.Equal(Pool, copy.Text("sourceCalcuttaId"));
        Assert.Equal("ncaa-2025", copy.Text("tournamentId"));
        Assert.Equal(1, copy.Version());
        Assert.Equal(poolKeys, copy.EntryKeys());
        await http.SetExcludedAsync(SyntheticId, excluded);
        await http.AttachAsync(SyntheticId, candidateId);
        var atRun = await http.SetFocusAsync(SyntheticId, candidateId);
        Assert.Equal(4, atRun.Version());

        // The attached entry is the candidate's bids under the candidate's id.
        var candidate = await http.GetOkAsync($"/api/v1/lab/candidates/{candidateId}");
        var attached = atRun["entries"].Objects().Single(e => e.Text("entryKey") == candidateId);
        Assert.Equal(candidateId, attached.Text("candidateId"));
        Assert.Equal(
            candidate["bids"].Objects().Select(b => (b.Text("teamId"), b["bidPoints"]!.GetValue<int>())).Order(),
            attached["bids"].Objects().Select(b => (b.Text("teamId"), b["bidPoints"]!.GetValue<int>())).Order());

        var advancement = await http.AdvancementMetricsIdAsync("ncaa-2025", "post_first_four");
        var run = await http.RunToSuccessAsync(SandboxApi.SimulationRequest(SyntheticId, advancement, nSims: 20_000, seed: 11), TimeSpan.FromSeconds(60));
        var metrics = await http.GetMetricsAsync(run);

        Assert.Equal(candidateId, metrics.Text("focusCandidateId"));
        Assert.Equal(candidateId, metrics.Text("focusEntryKey"));
        Assert.Equal(excluded, metrics.Text("excludedEntryKey"));
        var sampled = metrics.EntryKeys();
        Assert.Single(sampled, k => k == candidateId);
        Assert.DoesNotContain(excluded, sampled);
        Assert.Equal(poolKeys.Count - 1 + 1, sampled.Count);
        Assert.Equal(poolKeys.Where(k => k != excluded).Append(candidateId).Order(StringComparer.Ordinal), sampled.Order(StringComparer.Ordinal));
        // Every simulation pays the pool's whole prize pool to the sampled field.
        Assert.Equal(20_000 * SimulationApi.PrizePoolCents2025, metrics["entries"].Objects().Sum(e => e["payoutCentsTotal"]!.GetValue<long>()));

        // The run pins the synthetic calcutta's version at the time (not the real pool), and resolved its settings.
        var pinned = SandboxApi.DatasetRef(run, "synthetic_calcutta");
        Assert.Equal(SyntheticId, pinned.Text("id"));
        Assert.Equal(atRun.Digest(), pinned.Text("digest"));
        Assert.DoesNotContain(run["datasetRefs"].Objects(), d => d.Text("kind") == "calcutta");
        Assert.Equal("ncaa-2025", SandboxApi.DatasetRef(run, "tournament").Text("id"));
        Assert.True(JsonNode.DeepEquals(run["datasetRefs"], metrics["datasetRefs"]), $"{run["datasetRefs"]} vs {metrics["datasetRefs"]}");
        Assert.Equal(SyntheticId, run["params"].Text("syntheticCalcuttaId"));
        Assert.Equal(excluded, run["params"].Text("excludedEntryKey"));
        Assert.Equal(candidateId, run["params"].Text("focusCandidateId"));
        Assert.Equal(atRun.Digest(), (await http.GetSyntheticAsync(SyntheticId)).Digest());
    }
}
