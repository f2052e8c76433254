using Bunit;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Features.Sandbox.Components;
using LabSandbox.Api.Features.Sandbox.Pages;
using LabSandbox.Grains.Interfaces.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Sandbox;

/// <summary>The Sandbox pages' loading, empty, not-found and error states, over a cluster that answers one way.</summary>
public sealed class SandboxPagesTests : LabComponentTest
{
    private void UseCluster(FakeClusterMode mode) => Services.AddSingleton(FakeCluster.Create(mode));

    [Fact]
    public void The_synthetic_calcutta_list_says_it_is_loading_until_the_cluster_answers()
    {
        UseCluster(FakeClusterMode.Hang);

        var cut = Render<SyntheticCalcuttas>();

        Assert.Contains("Loading synthetic calcuttas", cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void An_empty_sandbox_lists_nothing_and_says_how_to_start()
    {
        UseCluster(FakeClusterMode.Empty);

        var list = Render<SyntheticCalcuttas>();
        var cohorts = Render<Cohorts>();

        Assert.Contains("No synthetic calcuttas yet", list.Markup);
        Assert.Contains("No cohorts yet", cohorts.Markup);
        Assert.Single(cohorts.FindAll("h1"));
    }

    [Fact]
    public void A_cluster_that_does_not_answer_is_a_readable_error()
    {
        UseCluster(FakeClusterMode.Timeout);

        var cut = Render<SyntheticCalcuttas>();

        var alert = cut.Find("[role=alert]");
        Assert.Contains("Could not load synthetic calcuttas", alert.TextContent);
        Assert.Contains("the cluster did not answer in time", alert.TextContent);
        Assert.DoesNotContain("at LabSandbox", cut.Markup);
    }

    [Fact]
    public void Unknown_ids_are_not_found_with_a_way_back()
    {
        UseCluster(FakeClusterMode.Empty);

        var synthetic = Render<SyntheticCalcuttaDetail>(p => p.Add(x => x.Id, "syn-nope"));
        var cohort = Render<CohortDetail>(p => p.Add(x => x.Id, "cohort-nope"));

        Assert.Equal("Synthetic calcutta not found", synthetic.Find("h1").TextContent);
        Assert.Contains("syn-nope", synthetic.Markup);
        Assert.Contains("href=\"/sandbox/calcuttas\"", synthetic.Markup);
        Assert.Equal("Cohort not found", cohort.Find("h1").TextContent);
        Assert.Contains("href=\"/sandbox/cohorts\"", cohort.Markup);
    }

    [Fact]
    public void The_list_tables_link_each_row_and_export_it()
    {
        var summary = new SyntheticCalcuttaSummary("syn-a", "Copy of calcutta-2025", "ncaa-2025", "calcutta-2025", 3, "sha256:0123456789abcdef0123", 48, "P017", "cand-1");
        var cohort = new CohortSnapshot("cohort-a", "All years", ["syn-a", "syn-b"], new CohortSettings(100_000, 7, "pre_tournament", "member", 10), []);

        var list = Render<SyntheticCalcuttaTable>(p => p.Add(x => x.Items, [summary]));
        var cohorts = Render<CohortTable>(p => p.Add(x => x.Items, [cohort]));

        Assert.Equal("/sandbox/calcuttas/syn-a", list.Find("tbody a").GetAttribute("href"));
        Assert.Equal("/pools/calcutta-2025", list.FindAll("tbody a")[1].GetAttribute("href"));
        Assert.Contains("sha256:0123456789ab…", list.Markup);
        Assert.Contains("Export synthetic calcuttas as CSV", list.Markup);
        Assert.Equal("/sandbox/cohorts/cohort-a", cohorts.Find("tbody a").GetAttribute("href"));
        Assert.Contains("100,000", cohorts.Find("tbody").TextContent);
    }
}
