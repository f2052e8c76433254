using Bunit;
using LabSandbox.Api.Features.Experiments.Pages;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static LabSandbox.Web.Tests.Experiments.ExperimentFixtures;

namespace LabSandbox.Web.Tests.Experiments;

public sealed class NewExperimentPageTests : LabComponentTest
{
    private readonly FakeFactory factory = new();

    public NewExperimentPageTests()
    {
        var (client, fake) = FakeCluster.Create();
        fake.With<IDatasetCatalogGrain>(_ => new Catalog())
            .With<ICalcuttaGrain>(_ => new Pool())
            .With<IExperimentFactoryGrain>(_ => factory);
        Services.AddSingleton(client);

        // The form says when it is interactive (browser tests wait for it); here it is, as on a live circuit.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void The_form_starts_on_the_newest_pool_with_its_lab_marked_seat_and_small_defaults()
    {
        var cut = Render<NewExperimentPage>();

        cut.WaitForAssertion(() => Assert.Equal("New experiment", cut.Find("h1").TextContent));
        Assert.Equal("calcutta-2025", Input(cut, "Pool").GetAttribute("value"));
        Assert.Equal("P005 (lab-marked)", Input(cut, "Entry replaced (its seat)").GetAttribute("value"));
        Assert.Equal("10", Input(cut, "Max iterations").GetAttribute("value"));
        Assert.Equal("pre_tournament", Input(cut, "Starting state").GetAttribute("value"));
    }

    [Fact]
    public async Task The_apis_field_errors_show_inline_beside_their_fields_and_nothing_navigates()
    {
        factory.Answer = new ExperimentCreation(ExperimentCreationOutcome.Invalid, null, new Dictionary<string, string[]>
        {
            ["screeningSims"] = ["'screeningSims' must be a whole number from 100 to 1000000."],
            ["advancementArtifactId"] = ["Artifact 'art-x' does not exist."],
            ["mystery"] = ["Something else is wrong."],
        });
        var cut = Render<NewExperimentPage>();
        cut.WaitForAssertion(() => Input(cut, "Advancement artifact"));
        Input(cut, "Advancement artifact").Change("art-x");
        Input(cut, "Market-share artifact").Change("art-m");

        await cut.InvokeAsync(() => cut.Find("form").Submit());

        cut.WaitForAssertion(() => Assert.Contains("must be a whole number from 100 to 1000000", cut.Markup));
        Assert.Contains("Artifact 'art-x' does not exist.", cut.Markup);
        Assert.Contains("mystery: Something else is wrong.", cut.Find("[role=alert]").TextContent);
        Assert.Contains("\"advancementArtifactId\":\"art-x\"", factory.LastRequest);
        Assert.Contains("\"excludedEntryKey\":\"P005\"", factory.LastRequest);
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_created_experiment_opens_its_page()
    {
        factory.Answer = new ExperimentCreation(ExperimentCreationOutcome.Created, Snapshot("exp-new"), new Dictionary<string, string[]>());
        var cut = Render<NewExperimentPage>();
        cut.WaitForAssertion(() => Input(cut, "Advancement artifact"));
        Input(cut, "Advancement artifact").Change("art-a");
        Input(cut, "Market-share artifact").Change("art-m");

        await cut.InvokeAsync(() => cut.Find("form").Submit());

        cut.WaitForAssertion(() => Assert.EndsWith("/experiments/exp-new", Services.GetRequiredService<NavigationManager>().Uri));
    }

    /// <summary>The input a label names (MudBlazor labels point at their input).</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<NewExperimentPage> cut, string label)
    {
        var id = cut.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return cut.Find($"#{id}");
    }

    private sealed class FakeFactory : IExperimentFactoryGrain
    {
        public ExperimentCreation? Answer { get; set; }

        public string LastRequest { get; private set; } = "";

        public Task<ExperimentCreation> CreateAsync(string requestJson)
        {
            LastRequest = requestJson;
            return Task.FromResult(Answer!);
        }
    }

    private sealed class Catalog : IDatasetCatalogGrain
    {
        public Task RegisterAsync(IReadOnlyList<string> tournamentIds, IReadOnlyList<string> calcuttaIds) => throw new NotSupportedException();

        public Task<DatasetCatalog> GetAsync() => Task.FromResult(new DatasetCatalog(["ncaa-2024", "ncaa-2025"], ["calcutta-2025", "calcutta-2024"]));
    }

    private sealed class Pool : ICalcuttaGrain
    {
        public Task<ImportOutcome> ImportAsync(CalcuttaSnapshot snapshot) => throw new NotSupportedException();

        public Task<CalcuttaSnapshot?> GetAsync() => Task.FromResult<CalcuttaSnapshot?>(new CalcuttaSnapshot(
            "calcutta-2025", "ncaa-2025", 2025, "Pool 2025", new PoolRules(100, 3, 10, 1, 50), ScoringRule.HouseRules, [],
            [new PoolEntry("P001", false, InitialBids), new PoolEntry("P005", true, BestBids)], "sha256:pool"));
    }
}
