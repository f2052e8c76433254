using System.Text.Json;
using Bunit;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Datasets.Pages;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Datasets;

/// <summary>The dataset pages over a fake cluster: loaded, loading, not found and failed.</summary>
public sealed class DatasetPageTests : LabComponentTest
{
    private const string RunId = "run-advancement-test-1";
    private readonly FakeCluster cluster = new();
    private readonly List<DatasetRunEntry> indexed = [];
    private readonly Dictionary<string, RunSnapshot> runs = [];

    public DatasetPageTests()
    {
        Services.AddSingleton(cluster.Client);
        Services.AddSingleton<IArtifactStore, NoStore>();
        var tournament = DatasetTestData.Tournament();
        var table = DatasetTestData.Advancement();
        cluster
            .On<ITournamentGrain>(nameof(ITournamentGrain.GetAsync), key => Task.FromResult(key == "ncaa-2025" ? tournament : null))
            .On<ICalcuttaGrain>(nameof(ICalcuttaGrain.GetAsync), key => Task.FromResult(key == "calcutta-2025" ? DatasetTestData.Pool() : null))
            .On<IDatasetRunIndexGrain>(nameof(IDatasetRunIndexGrain.QueryAsync), (_, args) =>
            {
                var query = (DatasetRunQuery)args[0]!;
                var items = indexed.Where(e => query.Kind is null || e.Kind == query.Kind).ToList();
                return Task.FromResult(new DatasetRunPage(items.Take(query.Limit).ToList(), items.Count));
            })
            .On<IRunGrain>(nameof(IRunGrain.GetAsync), key => Task.FromResult(runs.GetValueOrDefault(key)))
            .On<IRunGrain>(nameof(IRunGrain.GetEventsAsync), _ => Task.FromResult<RunEventPage?>(new RunEventPage(
                [new RunEvent(2, RunEventNames.Progress, DateTimeOffset.UnixEpoch, 1, "compute", 30, "computing")], RunStatus.Running, 2)))
            .On<IArtifactGrain>(nameof(IArtifactGrain.GetAsync), key => Task.FromResult<ArtifactRecord?>(new ArtifactRecord(
                key, RunId, ArtifactKinds.Metrics, "application/json", DatasetTestData.AdvancementJson(table), null, "sha", 1,
                new Dictionary<string, string>(), new ArtifactLineage([], []), DateTimeOffset.UnixEpoch)))
            .On<ILabCandidateIndexGrain>(nameof(ILabCandidateIndexGrain.ListAsync), _ => Task.FromResult<IReadOnlyList<LabCandidateEntry>>(
            [
                new LabCandidateEntry("calcutta-2025", "cfg-ridge", new LabConfig(new LabAdvancementModel("kenpom-logistic", 10), "ridge", "dp-v1", "pre_tournament", "lab_marked"), "cand-2025"),
                new LabCandidateEntry("calcutta-2024", "cfg-ridge", new LabConfig(new LabAdvancementModel("kenpom-logistic", 10), "ridge", "dp-v1", "pre_tournament", "lab_marked"), "cand-2024"),
            ]))
            .On<ISandboxCatalogGrain>(nameof(ISandboxCatalogGrain.GetAsync), _ => Task.FromResult(new SandboxCatalog([], [])));
    }

    [Fact]
    public void A_tournament_shows_its_heat_map_bracket_and_runs()
    {
        AddRun(RunStatus.Succeeded, sigma: 10);

        var cut = Render<TournamentPage>(p => p.Add(x => x.Year, 2025));

        cut.WaitForAssertion(() => Assert.Equal("NCAA Tournament 2025", cut.Find("h1").TextContent));
        Assert.Contains("/artifacts/art-metrics-1", cut.Markup);
        Assert.NotEmpty(cut.FindAll("td.lab-heat-cell"));
        Assert.Contains("Champion: East 1", cut.Markup.Replace("<strong>", "").Replace("</strong>", ""));
        Assert.Contains(DatasetTestData.Digest, cut.Markup);
        Assert.Single(cut.FindAll($"#runs a[href='/runs/{RunId}']"));
        Assert.Single(cut.FindAll("a[href='/pools/calcutta-2025']"));
    }

    [Fact]
    public void Another_model_in_the_query_string_has_no_table_yet_and_offers_to_compute_it()
    {
        AddRun(RunStatus.Succeeded, sigma: 10);

        Navigate("/tournaments/2025?sigma=12&state=through_round:2");
        var cut = Render<TournamentPage>(p => p.Add(x => x.Year, 2025));

        cut.WaitForAssertion(() => Assert.Contains("No advancement run has computed σ = 12, after the round of 64", cut.Markup));
        Assert.Empty(cut.FindAll("td.lab-heat-cell"));
        Assert.Equal("12", cut.Find("#advancement-sigma").GetAttribute("value"));
    }

    [Fact]
    public void Computing_starts_a_run_through_the_run_factory_and_shows_its_progress()
    {
        string? request = null;
        cluster.On<IRunFactoryGrain>(nameof(IRunFactoryGrain.CreateAsync), (_, args) =>
        {
            request = (string)args[0]!;
            AddRun(RunStatus.Running, sigma: 12);
            return Task.FromResult(new RunCreation(RunCreationOutcome.Created, RunId, RunStatus.Queued, new Dictionary<string, string[]>()));
        });
        Navigate("/tournaments/2025?sigma=12");
        var cut = Render<TournamentPage>(p => p.Add(x => x.Year, 2025));
        cut.WaitForAssertion(() => Assert.Contains("Compute advancement probabilities", cut.Markup));

        cut.Find("#advancement button").Click();

        cut.WaitForAssertion(() => Assert.Contains("30%", cut.Find("[role=status]").TextContent));
        using var json = JsonDocument.Parse(request!);
        Assert.Equal("advancement", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("ncaa-2025", json.RootElement.GetProperty("tournamentId").GetString());
        Assert.Equal(12, json.RootElement.GetProperty("model").GetProperty("sigma").GetDouble());
    }

    [Fact]
    public void The_factory_refusing_the_run_shows_its_field_errors()
    {
        cluster.On<IRunFactoryGrain>(nameof(IRunFactoryGrain.CreateAsync), _ => Task.FromResult(new RunCreation(
            RunCreationOutcome.Invalid, null, null, new Dictionary<string, string[]> { ["tournamentId"] = ["no such tournament"] })));
        var cut = Render<TournamentPage>(p => p.Add(x => x.Year, 2025));
        cut.WaitForAssertion(() => Assert.Contains("Compute advancement probabilities", cut.Markup));

        cut.Find("#advancement button").Click();

        cut.WaitForAssertion(() => Assert.Contains("tournamentId: no such tournament", cut.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void An_unknown_year_is_not_found()
    {
        var cut = Render<TournamentPage>(p => p.Add(x => x.Year, 1999));

        cut.WaitForAssertion(() => Assert.Equal("Tournament not found", cut.Find("h1").TextContent));
        Assert.Contains("ncaa-1999", cut.Markup);
    }

    [Fact]
    public void A_tournament_that_cannot_be_read_is_a_readable_error()
    {
        cluster.On<ITournamentGrain>(nameof(ITournamentGrain.GetAsync), _ => Task.FromException<TournamentSnapshot?>(new TimeoutException("slow")));

        var cut = Render<TournamentPage>(p => p.Add(x => x.Year, 2025));

        cut.WaitForAssertion(() => Assert.Contains("the cluster did not answer in time", cut.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void A_tournament_still_loading_says_so()
    {
        cluster.On<ITournamentGrain>(nameof(ITournamentGrain.GetAsync), _ => new TaskCompletionSource<TournamentSnapshot?>().Task);

        var cut = Render<TournamentPage>(p => p.Add(x => x.Year, 2025));

        Assert.Contains("Loading tournament", cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void A_pool_shows_rules_totals_matrix_standings_and_its_candidates()
    {
        var cut = Render<PoolPage>(p => p.Add(x => x.CalcuttaId, "calcutta-2025"));

        cut.WaitForAssertion(() => Assert.Equal("Test pool 2025", cut.Find("h1").TextContent));
        Assert.Contains("a pot of $1,000.50", cut.Markup);
        Assert.Single(cut.FindAll("a[href='/lab/candidates/cand-2025']"));
        Assert.Empty(cut.FindAll("a[href='/lab/candidates/cand-2024']"));
        Assert.Contains("Hindsight: the real result", cut.Markup);
        Assert.Equal(3, cut.FindAll("#bids tbody tr").Count);
        Assert.Contains("No run has used this dataset version yet", cut.Find("#runs").TextContent);
        Assert.Equal(5, cut.FindAll("[role=group][aria-label^='Export']").Count);
    }

    [Fact]
    public void An_unknown_pool_is_not_found_and_a_failing_one_is_an_error()
    {
        var missing = Render<PoolPage>(p => p.Add(x => x.CalcuttaId, "calcutta-1999"));
        missing.WaitForAssertion(() => Assert.Equal("Pool not found", missing.Find("h1").TextContent));

        cluster.On<ICalcuttaGrain>(nameof(ICalcuttaGrain.GetAsync), _ => Task.FromException<CalcuttaSnapshot?>(new InvalidOperationException("pool store is down")));
        var failed = Render<PoolPage>(p => p.Add(x => x.CalcuttaId, "calcutta-2025"));
        failed.WaitForAssertion(() => Assert.Contains("pool store is down", failed.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void The_lists_load_from_the_catalog_or_say_why_not()
    {
        cluster.On<IDatasetCatalogGrain>(nameof(IDatasetCatalogGrain.GetAsync), _ => Task.FromResult(new DatasetCatalog(["ncaa-2025"], ["calcutta-2025"])));
        var tournaments = Render<TournamentsPage>();
        tournaments.WaitForAssertion(() => Assert.Single(tournaments.FindAll("a[href='/tournaments/2025']")));
        var pools = Render<PoolsPage>();
        pools.WaitForAssertion(() => Assert.Single(pools.FindAll("a[href='/pools/calcutta-2025']")));

        cluster.On<IDatasetCatalogGrain>(nameof(IDatasetCatalogGrain.GetAsync), _ => Task.FromException<DatasetCatalog>(new TimeoutException()));
        var failed = Render<PoolsPage>();
        failed.WaitForAssertion(() => Assert.Contains("Could not load pools", failed.Find("[role=alert]").TextContent));
    }

    private void Navigate(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    private void AddRun(RunStatus status, double sigma)
    {
        var paramsJson = $$"""{"model":{"kind":"kenpom-logistic","sigma":{{DatasetTestData.Text(sigma)}}},"scoringRules":[{"pointsAwarded":0,"winIndex":1},{"pointsAwarded":50,"winIndex":2},{"pointsAwarded":100,"winIndex":3},{"pointsAwarded":150,"winIndex":4},{"pointsAwarded":200,"winIndex":5},{"pointsAwarded":250,"winIndex":6},{"pointsAwarded":300,"winIndex":7}],"startingState":"pre_tournament","tournamentId":"ncaa-2025"}""";
        var spec = new RunSpec(RunKinds.Advancement, paramsJson, "hash", [new DatasetRef(DatasetKinds.Tournament, "ncaa-2025", DatasetTestData.Digest)], [], null, "test");
        IReadOnlyList<ArtifactRef> artifacts = status == RunStatus.Succeeded ? [new ArtifactRef("art-metrics-1", ArtifactKinds.Metrics)] : [];
        runs[RunId] = new RunSnapshot(RunId, spec, status, false, 1, null, null, DateTimeOffset.UnixEpoch, null, null, artifacts, 2);
        indexed.RemoveAll(e => e.RunId == RunId);
        indexed.Add(new DatasetRunEntry(RunId, RunKinds.Advancement, DateTimeOffset.UnixEpoch, DatasetKinds.Tournament, "ncaa-2025"));
    }

    private sealed class NoStore : IArtifactStore
    {
        public Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default) => throw new FileNotFoundException(storageUri);

        public Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
