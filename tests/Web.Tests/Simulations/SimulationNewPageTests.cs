using System.Text.Json;
using Bunit;
using LabSandbox.Api.Features.Simulations.Pages;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

/// <summary>The start form against a fake cluster: prefill from the query string, the factory's field errors inline, success opens the results.</summary>
public sealed class SimulationNewPageTests : LabComponentTest
{
    private readonly FakeLab lab = new();

    public SimulationNewPageTests()
    {
        lab.Calcuttas["calcutta-2025"] = new CalcuttaSnapshot("calcutta-2025", "ncaa-2025", 2025, "2025", new PoolRules(100, 1, 10, 1, 50), [], [],
            [new PoolEntry("P001", false, []), new PoolEntry("P005", true, [])], "digest");
    }

    private IRenderedComponent<SimulationNew> RenderPage(string query)
    {
        Services.AddSingleton(lab.Cluster);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/simulations/new" + query);
        return Render<SimulationNew>();
    }

    [Fact]
    public void The_query_string_prefills_the_request_and_a_created_run_opens_its_results()
    {
        var cut = RenderPage("?pool=calcutta-2025&nSims=5000&seed=9&advancement=art-adv&excluded=P005");
        cut.WaitForAssertion(() => Assert.Contains("calcutta-2025", cut.Markup));

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.True(lab.Created.Count == 1, cut.Find("form").TextContent));
        using var request = JsonDocument.Parse(lab.Created[0]);
        var root = request.RootElement;
        Assert.Equal("simulation", root.GetProperty("kind").GetString());
        Assert.Equal("calcutta-2025", root.GetProperty("calcuttaId").GetString());
        Assert.Equal("art-adv", root.GetProperty("advancementArtifactId").GetString());
        Assert.Equal(5000, root.GetProperty("nSims").GetInt64());
        Assert.Equal(9, root.GetProperty("seed").GetInt64());
        Assert.Equal("P005", root.GetProperty("excludedEntryKey").GetString());
        Assert.False(root.TryGetProperty("focusCandidateId", out _));
        Assert.EndsWith("/runs/run-simulation-new-1/results", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_factorys_field_errors_appear_on_their_fields_and_others_in_one_alert()
    {
        lab.Creation = new RunCreation(RunCreationOutcome.Invalid, null, null, new Dictionary<string, string[]>
        {
            ["nSims"] = ["'nSims' must be a whole number from 1 to 100,000,000."],
            ["kind"] = ["something the form has no field for"],
        });
        var cut = RenderPage("?pool=calcutta-2025&advancement=art-adv");
        cut.WaitForAssertion(() => Assert.Contains("calcutta-2025", cut.Markup));

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("'nSims' must be a whole number from 1 to 100,000,000.", cut.Markup));
        Assert.Contains("kind: something the form has no field for", cut.Find("[role=alert]").TextContent);
        Assert.Equal("true", cut.FindAll("input").Single(i => i.GetAttribute("aria-invalid") == "true").GetAttribute("aria-invalid"));
        Assert.Contains("/simulations/new", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void An_unreachable_cluster_is_a_readable_error_instead_of_the_form()
    {
        lab.Failure = new TimeoutException("late");
        var cut = RenderPage("");

        cut.WaitForAssertion(() => Assert.Contains("Could not load pools", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("form"));
    }
}
