using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Lab;

/// <summary>
/// The Lab's candidate list filters by any config field and by pool, in a stable order (config key, then
/// pool), so a client can ask for one model's eight candidates or one pool's candidate under each config.
/// </summary>
[Collection(GeneratedLabCollection.Name)]
public sealed class LabCandidateListTests(GeneratedLabFixture lab)
{
    [Fact]
    public async Task Filtering_by_market_model_returns_exactly_that_configs_eight_candidates()
    {
        var items = await ItemsAsync("?marketModel=ridge");

        Assert.Equal(8, items.Count);
        Assert.All(items, i => Assert.Equal("ridge", i["config"].Text("marketModel")));
        Assert.All(items, i => Assert.Equal(lab.Reports["ridge"].Text("configKey"), i.Text("configKey")));
        Assert.Equal(LabCandidatesApi.RealPools, items.Select(i => i.Text("calcuttaId")));
        Assert.Equal(lab.CandidateIds("ridge"), items.ToDictionary(i => i.Text("calcuttaId"), i => i.Text("candidateId"), StringComparer.Ordinal));
        Assert.All(items, i =>
        {
            Assert.InRange(i["teamCount"]!.GetValue<int>(), 3, 10);
            Assert.InRange(i["spendPoints"]!.GetValue<int>(), 3, 100);
            Assert.True(i["objective"]!.GetValue<double>() > 0, i.ToJsonString());
        });
    }

    [Fact]
    public async Task Filtering_by_pool_returns_its_candidate_under_each_generated_config()
    {
        var items = await ItemsAsync("?calcuttaId=calcutta-2025");

        Assert.All(items, i => Assert.Equal("calcutta-2025", i.Text("calcuttaId")));
        Assert.Equal(
            LabCandidatesApi.MarketModels.Select(m => (lab.Reports[m].Text("configKey"), lab.CandidateIds(m)["calcutta-2025"])).Order(),
            items.Select(i => (i.Text("configKey"), i.Text("candidateId"))).Order());
    }

    [Fact]
    public async Task Filters_combine_and_a_config_key_with_a_pool_names_one_candidate()
    {
        var configKey = lab.Reports["oracle"].Text("configKey");

        var one = await ItemsAsync($"?configKey={configKey}&calcuttaId=calcutta-2019");
        var none = await ItemsAsync("?marketModel=ridge&startingState=pre_tournament");
        var all = await ItemsAsync("?optimizerKey=dp-v1&excludedEntry=lab_marked&advancementModelKind=kenpom-logistic&sigma=10");

        Assert.Equal([lab.CandidateIds("oracle")["calcutta-2019"]], one.Select(i => i.Text("candidateId")));
        Assert.Empty(none);
        Assert.Equal(24, all.Count);
    }

    [Fact]
    public async Task Items_are_ordered_by_config_key_then_pool()
    {
        var items = await ItemsAsync("");

        var keys = items.Select(i => (ConfigKey: i.Text("configKey"), CalcuttaId: i.Text("calcuttaId"))).ToList();
        Assert.Equal(24, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(
            keys.OrderBy(k => k.ConfigKey, StringComparer.Ordinal).ThenBy(k => k.CalcuttaId, StringComparer.Ordinal),
            keys);
    }

    [Theory]
    [InlineData("/api/v1/lab/candidates/cand-000000000000000000000000")]
    [InlineData("/api/v1/lab/candidates/cand-000000000000000000000000/lineage")]
    public async Task An_unknown_candidate_is_a_404_problem(string path)
    {
        var response = await lab.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private async Task<List<JsonObject>> ItemsAsync(string query) =>
        (await lab.Http.GetOkAsync("/api/v1/lab/candidates" + query))["items"].Objects().ToList();
}
