using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Lab;
using LabSandbox.Api.Tests.Sandbox;
using Xunit;

namespace LabSandbox.Api.Tests.Experiments;

/// <summary>
/// A bad create request is a 400 problem naming the field, and creates nothing (no experiment listed, none
/// readable under the id). An id is derived from the body when none is given; the same request again is an
/// idempotent repeat, another config under the same id a 409.
/// </summary>
[Collection(ExperimentsCollection.Name)]
public sealed class ExperimentRequestValidationTests(ExperimentsFixture fixture)
{
    public static TheoryData<string, string, string> BadRequests => new()
    {
        // Experiment id, the fields the problem names (comma-separated), and what is wrong.
        { "exp-bad-seed", "masterSeed", "missing masterSeed" },
        { "exp-bad-seed-text", "masterSeed", "masterSeed as text" },
        { "exp-bad-pool", "calcuttaId", "unknown calcutta" },
        { "exp-bad-advancement", "advancementArtifactId", "advancement of another tournament" },
        { "exp-bad-market", "marketShareArtifactId", "unknown market artifact" },
        { "exp-bad-prune", "pruneRule", "pruneRule bogus" },
        { "exp-bad-objective", "objective", "objective bogus" },
        { "exp-bad-lambda", "riskAversion", "riskAversion negative" },
        { "exp-bad-lambda-inf", "riskAversion", "riskAversion not finite" },
        { "exp-bad-lambda-alone", "riskAversion", "riskAversion without risk_adjusted" },
        { "exp-bad-field", "bogusField", "unknown field" },
        { "exp-bad-sims", "screeningSims", "screeningSims too small" },
        { "exp-bad-excluded", "excludedEntryKey,marketShareArtifactId", "excluded entry not in the pool" },
        { "exp-bad-initial", "initialCandidateId", "unknown initial candidate" },
        { "exp-bad-field-model", "fieldModel", "fieldModel bogus" },
        { "exp-no-field-parameters", "fieldParametersArtifactId", "modeled field without parameters" },
        { "exp-few-field-blocks", "evaluationSims,fieldParametersArtifactId,finalSims,screeningSims", "modeled field with too few field blocks" },
        { "bad id!", "experimentId", "invalid experiment id" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_a_400_naming_the_field_and_creates_nothing(string experimentId, string fields, string why)
    {
        var http = fixture.Http;
        var request = why switch
        {
            "missing masterSeed" => fixture.Request(experimentId, ("masterSeed", null)),
            "masterSeed as text" => fixture.Request(experimentId, ("masterSeed", "seven")),
            "unknown calcutta" => fixture.Request(experimentId, ("calcuttaId", "calcutta-1999")),
            "advancement of another tournament" => fixture.Request(experimentId, ("advancementArtifactId", fixture.OtherTournamentAdvancementArtifactId)),
            "unknown market artifact" => fixture.Request(experimentId, ("marketShareArtifactId", "art-missing")),
            "pruneRule bogus" => fixture.Request(experimentId, ("pruneRule", "bogus")),
            "objective bogus" => fixture.Request(experimentId, ("objective", "max_payout")),
            "riskAversion negative" => fixture.Request(experimentId, ("objective", "risk_adjusted"), ("riskAversion", -0.5)),
            "riskAversion not finite" => fixture.Request(experimentId, ("objective", "risk_adjusted"), ("riskAversion", JsonNode.Parse("1e999"))),
            "riskAversion without risk_adjusted" => fixture.Request(experimentId, ("objective", "p_first"), ("riskAversion", 0.5)),
            "unknown field" => fixture.Request(experimentId, ("bogusField", 1)),
            "screeningSims too small" => fixture.Request(experimentId, ("screeningSims", 1)),
            "excluded entry not in the pool" => fixture.Request(experimentId, ("excludedEntryKey", "P999")),
            "unknown initial candidate" => fixture.Request(experimentId, ("initialCandidateId", "cand-missing")),
            "fieldModel bogus" => fixture.Request(experimentId, ("fieldModel", "oracle")),
            "modeled field without parameters" => fixture.Request(
                experimentId, ("fieldModel", "market_sampled"), ("screeningSims", 30_000), ("evaluationSims", 60_000), ("finalSims", 30_000)),
            "modeled field with too few field blocks" => fixture.Request(experimentId, ("fieldModel", "market_sampled")),
            _ => fixture.Request(experimentId),
        };
        var before = await http.ListIdsAsync();
        var runsBefore = await http.AllRunIdsAsync();

        var reply = await http.SendAsync(HttpMethod.Post, ExperimentApi.Experiments, request);
        var problem = SandboxApi.AssertInvalid(reply, why, fields.Split(','));
        Assert.All(fields.Split(','), field => Assert.Contains($"{field}: ", problem.Text("detail")));
        if (why == "modeled field with too few field blocks")
        {
            // It names the field and says why: intervals count field blocks, and need 30 of them.
            Assert.Contains("fieldModel 'market_sampled'", problem.Text("detail"));
            Assert.Contains("at least 30 of them (30,000 simulations)", problem.Text("detail"));
        }

        Assert.Equal(before, await http.ListIdsAsync());
        Assert.Equal(runsBefore, await http.AllRunIdsAsync());
        if (fields != "experimentId")
        {
            await http.ExpectStatusAsync(HttpMethod.Get, $"{ExperimentApi.Experiments}/{experimentId}", HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_same_request_names_the_same_experiment_and_another_config_under_its_id_is_a_conflict()
    {
        var http = fixture.Http;

        // No id: one is derived from the body, the same for the same body.
        var anonymous = fixture.Request("unused", ("experimentId", null), ("name", "derived id"), ("masterSeed", 31));
        var first = await http.CreateExperimentAsync(anonymous);
        var experimentId = first.Text("experimentId");
        Assert.StartsWith("exp-", experimentId);
        Assert.Equal(experimentId, (await http.CreateExperimentAsync(anonymous)).Text("experimentId"));

        // The same id and config again: an idempotent repeat. Another config under the id: 409, the experiment unchanged.
        var named = fixture.Request(experimentId, ("name", "derived id"), ("masterSeed", 31));
        Assert.Equal(first.Text("driverRunId"), (await http.CreateExperimentAsync(named)).Text("driverRunId"));
        var conflict = await http.SendAsync(HttpMethod.Post, ExperimentApi.Experiments, fixture.Request(experimentId, ("name", "derived id"), ("masterSeed", 32)));
        Assert.True(conflict.Status == HttpStatusCode.Conflict, conflict.ToString());
        Assert.Equal("application/problem+json", conflict.ContentType);

        var experiment = await http.WaitForEndAsync(experimentId, TimeSpan.FromMinutes(2));
        Assert.Equal("succeeded", experiment.Text("status"));
        Assert.Equal(31, experiment["config"]!["masterSeed"]!.GetValue<long>());
        Assert.Single(await http.ListIdsAsync(), id => id == experimentId);
    }

    [Fact]
    public async Task The_list_pages_by_id_in_ordinal_order()
    {
        var http = fixture.Http;
        foreach (var id in new[] { "exp-api-list-b", "exp-api-list-a" })
        {
            await http.CreateExperimentAsync(fixture.Request(id, ("masterSeed", 41)));
        }

        var all = await http.ListIdsAsync();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(all, await http.ListIdsAsync(limit: 1));
        Assert.Contains("exp-api-list-a", all);
        Assert.Contains("exp-api-list-b", all);
        await http.ExpectStatusAsync(HttpMethod.Get, $"{ExperimentApi.Experiments}?limit=0", HttpStatusCode.BadRequest);
        await http.ExpectStatusAsync(HttpMethod.Get, $"{ExperimentApi.Experiments}?limit=501", HttpStatusCode.BadRequest);
        foreach (var id in new[] { "exp-api-list-a", "exp-api-list-b" })
        {
            await http.WaitForEndAsync(id, TimeSpan.FromMinutes(2));
        }
    }
}
