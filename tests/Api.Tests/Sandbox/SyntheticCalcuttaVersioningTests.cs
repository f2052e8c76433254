using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Simulations;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// A synthetic calcutta is edited after runs have sampled it: every change must be a new version (digest),
/// the version a run pinned must stay readable, and the run and its outputs must not change (INV-7), while
/// a repeated command that changes nothing makes no version at all.
/// </summary>
[Collection(SandboxLabCollection.Name)]
public sealed class SyntheticCalcuttaVersioningTests(SandboxLabFixture lab)
{
    private const string Pool = "calcutta-2025";

    [Fact]
    public async Task An_edit_after_a_run_makes_a_new_version_and_leaves_the_run_its_outputs_and_its_pinned_version_unchanged()
    {
        const string syntheticId = "syn-edit-2025";
        var http = lab.Http;
        var atRun = await http.CreateEvaluationCopyAsync(syntheticId, Pool, lab.CandidateIds[Pool]);
        var advancement = await http.AdvancementMetricsIdAsync("ncaa-2025", "post_first_four");
        var request = SandboxApi.SimulationRequest(syntheticId, advancement, nSims: 20_000, seed: 21);
        var first = await http.RunToSuccessAsync(request, TimeSpan.FromSeconds(60));
        var firstId = first.Text("runId");
        var firstJson = await (await http.GetAsync($"/api/v1/runs/{firstId}")).Content.ReadAsStringAsync();
        var metricsId = LabCandidatesApi.ArtifactOfKind(first, "metrics");
        var metricsBytes = await http.ArtifactBytesAsync(metricsId);
        var metricsSha = (await http.ArtifactAsync(metricsId)).Text("sha256");
        Assert.Equal(metricsSha, Convert.ToHexStringLower(SHA256.HashData(metricsBytes)));

        // Two edits: a manual entry added, a copied (not excluded) entry deleted; each is a new version.
        var teams = await http.TeamIdsAsync("ncaa-2025");
        var added = await http.PutEntryAsync(syntheticId, "manual-after-run", SandboxApi.Bids((teams[0], 40), (teams[1], 35), (teams[2], 25)));
        Assert.NotEqual(atRun.Digest(), added.Digest());
        Assert.Equal(atRun.Version() + 1, added.Version());
        var deletedKey = atRun.EntryKeys().First(k => k != atRun.Text("excludedEntryKey") && k != atRun.Text("focusCandidateId"));
        var edited = await http.OkAsync(HttpMethod.Delete, $"{SandboxApi.SyntheticCalcuttas}/{syntheticId}/entries/{deletedKey}");
        Assert.NotEqual(added.Digest(), edited.Digest());
        Assert.Equal(atRun.Version() + 2, edited.Version());
        Assert.Contains("manual-after-run", edited.EntryKeys());
        Assert.DoesNotContain(deletedKey, edited.EntryKeys());

        // The pinned version still reads back as it was; the run record and its metrics bytes are untouched.
        var pinnedVersion = await http.GetOkAsync($"{SandboxApi.SyntheticCalcuttas}/{syntheticId}/versions/{atRun.Digest()}");
        Assert.True(JsonNode.DeepEquals(atRun, pinnedVersion), $"{atRun.ToJsonString()}\nvs\n{pinnedVersion.ToJsonString()}");
        var currentVersion = await http.GetOkAsync($"{SandboxApi.SyntheticCalcuttas}/{syntheticId}/versions/{edited.Digest()}");
        Assert.True(JsonNode.DeepEquals(edited, currentVersion), currentVersion.ToJsonString());

        var second = await http.RunToSuccessAsync(request, TimeSpan.FromSeconds(60));

        Assert.Equal(firstJson, await (await http.GetAsync($"/api/v1/runs/{firstId}")).Content.ReadAsStringAsync());
        Assert.Equal(metricsBytes, await http.ArtifactBytesAsync(metricsId));
        Assert.Equal(metricsSha, (await http.ArtifactAsync(metricsId)).Text("sha256"));
        Assert.Equal(atRun.Digest(), SandboxApi.DatasetRef(first, "synthetic_calcutta").Text("digest"));

        // The same request again samples the new version, as a new run.
        Assert.NotEqual(firstId, second.Text("runId"));
        Assert.Equal(edited.Digest(), SandboxApi.DatasetRef(second, "synthetic_calcutta").Text("digest"));
        var firstEntries = (await http.GetMetricsAsync(first)).EntryKeys();
        var secondEntries = (await http.GetMetricsAsync(second)).EntryKeys();
        Assert.DoesNotContain("manual-after-run", firstEntries);
        Assert.Contains(deletedKey, firstEntries);
        Assert.Contains("manual-after-run", secondEntries);
        Assert.DoesNotContain(deletedKey, secondEntries);
        Assert.Equal(firstEntries.Count, secondEntries.Count);
    }

    [Fact]
    public async Task Attaching_the_same_candidate_twice_keeps_the_digest_version_and_entries()
    {
        const string syntheticId = "syn-attach-twice-2025";
        var http = lab.Http;
        var candidateId = lab.CandidateIds[Pool];
        await http.CreateFromCalcuttaAsync(syntheticId, Pool);

        var once = await http.AttachAsync(syntheticId, candidateId);
        var twice = await http.AttachAsync(syntheticId, candidateId);

        Assert.Equal(2, once.Version());
        Assert.Equal(once.Digest(), twice.Digest());
        Assert.Equal(once.Version(), twice.Version());
        Assert.True(JsonNode.DeepEquals(once, twice), $"{once.ToJsonString()}\nvs\n{twice.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(once, await http.GetSyntheticAsync(syntheticId)));
        Assert.Single(twice["entries"].Objects(), e => e["candidateId"]?.GetValue<string>() == candidateId);
        var listed = (await http.GetFromJsonAsync<JsonObject>(SandboxApi.SyntheticCalcuttas))!["items"].Objects()
            .Single(i => i.Text("syntheticCalcuttaId") == syntheticId);
        Assert.Equal(once.Version(), listed["version"]!.GetValue<int>());
        Assert.Equal(once.Digest(), listed.Text("digest"));
    }
}
