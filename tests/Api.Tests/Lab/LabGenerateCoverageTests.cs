using System.Text.Json.Nodes;
using Xunit;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// Generating a config makes a candidate for every real pool, and coverage says so: the Lab is only useful
/// when each config answers all eight pools, and a pool it missed must show up as missing.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class LabGenerateCoverageTests(GeneratedLabFixture lab)
{
    [Theory]
    [InlineData("naive_ev")]
    [InlineData("oracle")]
    [InlineData("ridge")]
    public void Generating_a_config_creates_a_candidate_for_each_of_the_eight_real_pools(string marketModel)
    {
        var report = lab.Reports[marketModel];

        Assert.True(report["created"]!.GetValue<int>() == 8 && report["skipped"]!.GetValue<int>() == 0 && report["failed"]!.GetValue<int>() == 0,
            report.ToJsonString());
        Assert.Equal(marketModel, report["config"].Text("marketModel"));
        Assert.StartsWith("cfg-", report.Text("configKey"));
        var pools = report["pools"].Objects().ToList();
        Assert.Equal(LabCandidatesApi.RealPools, pools.Select(p => p.Text("calcuttaId")));
        Assert.All(pools, p =>
        {
            Assert.Equal("created", p.Text("outcome"));
            Assert.StartsWith("cand-", p.Text("candidateId"));
            Assert.Null(p["reason"]?.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(p["advancementRunId"]?.GetValue<string>()), p.ToJsonString());
            Assert.False(string.IsNullOrEmpty(p["marketShareRunId"]?.GetValue<string>()), p.ToJsonString());
            Assert.False(string.IsNullOrEmpty(p["strategyRunId"]?.GetValue<string>()), p.ToJsonString());
        });
        Assert.Equal(8, pools.Select(p => p.Text("candidateId")).Distinct().Count());
    }

    [Fact]
    public async Task Coverage_shows_each_generated_config_on_all_eight_pools_with_none_missing()
    {
        var calcuttas = await lab.Http.GetOkAsync("/api/v1/calcuttas");
        Assert.Equal(LabCandidatesApi.RealPools, calcuttas["items"].Objects().Select(c => c.Text("calcuttaId")));

        var coverage = await lab.Http.GetOkAsync("/api/v1/lab/candidates/coverage");

        Assert.Equal(8, coverage["totalPools"]!.GetValue<int>());
        var configs = coverage["configs"].Objects().ToDictionary(c => c.Text("configKey"), StringComparer.Ordinal);
        var expectedKeys = LabCandidatesApi.MarketModels.Select(m => lab.Reports[m].Text("configKey")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedKeys, configs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, expectedKeys.Distinct().Count());
        foreach (var model in LabCandidatesApi.MarketModels)
        {
            var item = configs[lab.Reports[model].Text("configKey")];
            Assert.Equal(model, item["config"].Text("marketModel"));
            Assert.True(JsonNode.DeepEquals(lab.Reports[model]["config"], item["config"]), item.ToJsonString());
            Assert.Equal(8, item["poolsWithCandidate"]!.GetValue<int>());
            Assert.Equal(8, item["totalPools"]!.GetValue<int>());
            Assert.Empty(item["missingCalcuttaIds"]!.AsArray());
        }
    }
}
