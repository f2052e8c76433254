using AngleSharp.Dom;
using Bunit;
using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Api.Features.Artifacts.Components;
using LabSandbox.Grains.Interfaces.Artifacts.Tables;
using Xunit;

namespace LabSandbox.Web.Tests.Artifacts;

/// <summary>Every artifact kind the run handlers write renders as tables — readable headers, dollars, percentages, links — never as raw JSON.</summary>
public sealed class ArtifactPreviewTests : LabComponentTest
{
    public static TheoryData<string, string?, string, string, string[], string[]> Kinds => new()
    {
        // kind, run kind, content type, content, headers that must appear, cell texts that must appear
        { "metrics", "advancement", "application/json", ArtifactSamples.AdvancementMetrics, ["P(R32)", "P(Champion)", "Expected points"], ["95.00%", "Duke", "90.5"] },
        { "advancement", "advancement", "application/x-ndjson", ArtifactSamples.AdvancementLines, ["P(Sweet 16)", "Region"], ["Auburn", "12.50%"] },
        { "metrics", "simulation", "application/json", ArtifactSamples.SimulationMetrics, ["Expected payout", "P(top 3)", "Finished #1", "P(progress 0)"], ["$60.01", "12.50%", "6,250", "calcutta-2025"] },
        { "entry_distributions", "simulation", "application/x-ndjson", ArtifactSamples.EntryDistributionLines, ["In the money", "Payout histogram"], ["25,000", "Amount $600.00 · Simulations 6,250"] },
        { "market_share", "market_share", "application/json", ArtifactSamples.MarketShare, ["Share", "Actual share", "Market points"], ["8.25%", "379.5"] },
        { "metrics", "market_share", "application/json", ArtifactSamples.MarketShareMetrics, ["Field"], ["Ridge · lambda", "seed, kenpom", "0.0042"] },
        { "bids", "strategy_generation", "application/json", ArtifactSamples.StrategyBids, ["Bid points", "Expected roi"], ["duke", "0.22"] },
        { "bids", "paired_simulation", "application/json", ArtifactSamples.PairedBids, ["Key", "Bids"], ["challenger", "Team id duke · Bid points 30"] },
        { "metrics", "paired_simulation", "application/json", ArtifactSamples.PairedMetrics, ["Payout · mean", "Gain · high"], ["$6.00", "12345678901234567890"] },
        { "metrics", "strategy_generation", "application/json", ArtifactSamples.StrategyMetrics, ["Captured points"], ["Bounds · budget points", "cand-1"] },
        { "metrics", "experiment", "application/json", ArtifactSamples.ExperimentMetrics, ["Field"], ["Result · improvement · mean", "$10.00", "-$0.50", "max_iterations"] },
        { "metrics", "retention", "application/json", ArtifactSamples.RetentionMetrics, ["Field"], ["Bytes deleted", "art-old-1, art-old-2", "no"] },
        { "metrics", "lab_generation", "application/json", ArtifactSamples.LabGenerationReport, ["Outcome", "Strategy run id"], ["created", "cand-24"] },
        { "metrics", "cohort_simulation", "application/json", ArtifactSamples.CohortReport, ["Synthetic calcutta id", "Run id"], ["syn-2025", "run-c1"] },
        { "failure", "simulation", "application/json", ArtifactSamples.Failure, ["Field", "Message"], ["chunk lost", "Exception type", "RUN.PROGRESS"] },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_renders_as_tables_with_readable_headers_and_formatted_cells(
        string kind, string? runKind, string contentType, string content, string[] headers, string[] cells)
    {
        var data = new ArtifactPreviewData("art-sample", kind, runKind, ArtifactTabular.Read(contentType, content));

        var cut = Render<ArtifactPreview>(p => p.Add(x => x.Data, data));

        Assert.NotEmpty(cut.FindAll("table"));
        var headerTexts = cut.FindAll("th").Select(th => th.TextContent.Trim()).ToList();
        Assert.All(headers, h => Assert.Contains(h, headerTexts));
        Assert.All(cells, c => Assert.Contains(c, cut.Markup.Replace("\n", " ", StringComparison.Ordinal)));
        Assert.DoesNotContain("{\"", cut.Find("table").TextContent, StringComparison.Ordinal); // no raw JSON objects in the main table
        Assert.Contains(ArtifactKindInfo.Describe(kind, runKind), cut.Markup);
    }

    [Fact]
    public void Id_cells_link_to_their_pages()
    {
        var data = new ArtifactPreviewData("art-sample", "metrics", "lab_generation", ArtifactTabular.Read("application/json", ArtifactSamples.LabGenerationReport));

        var cut = Render<ArtifactPreview>(p => p.Add(x => x.Data, data));

        var hrefs = cut.FindAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/lab/candidates/cand-24", hrefs);
        Assert.Contains("/runs/run-s", hrefs);
        Assert.Contains("/pools/calcutta-2024", hrefs);
    }

    [Fact]
    public void Each_table_offers_CSV_and_Parquet_of_itself_through_the_API()
    {
        var data = new ArtifactPreviewData("art-sample", "metrics", "simulation", ArtifactTabular.Read("application/json", ArtifactSamples.SimulationMetrics));

        var cut = Render<ArtifactPreview>(p => p.Add(x => x.Data, data));

        var hrefs = cut.FindAll("a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/v1/artifacts/art-sample/content?format=csv&table=entries", hrefs);
        Assert.Contains("/api/v1/artifacts/art-sample/content?format=parquet&table=teams", hrefs);
        Assert.Contains("/api/v1/artifacts/art-sample/content?format=csv&table=fields", hrefs);
    }

    [Fact]
    public void A_JSON_Lines_page_says_which_rows_it_shows_and_links_the_neighbouring_pages()
    {
        var table = ArtifactTabular.FromJsonLines(ArtifactTabular.Lines(ArtifactSamples.AdvancementLines));
        var data = new ArtifactPreviewData("art-heavy", "advancement", "advancement", [table], new JsonLinesPaging(25, 25, 68));

        var cut = Render<ArtifactPreview>(p => p.Add(x => x.Data, data).Add(x => x.PageHref, o => $"/artifacts/art-heavy?offset={o}"));

        Assert.Contains("Rows 26–50 of 68", cut.Markup);
        var links = cut.FindAll("nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Previous rows", "/artifacts/art-heavy?offset=0"), links);
        Assert.Contains(("Next rows", "/artifacts/art-heavy?offset=50"), links);
        Assert.Empty(cut.FindAll("a[download]")); // a page's downloads are the whole artifact's, on the page above
    }

    [Fact]
    public void A_long_secondary_table_starts_folded_and_the_main_table_does_not()
    {
        var teams = string.Join(",", Enumerable.Range(0, 12).Select(i => $$"""{"teamId":"t{{i}}","frequencies":[0.5,0.5]}"""));
        var json = $$"""{"kind":"simulation","entries":[{"entryKey":"P001","pFirst":0.5}],"teams":[{{teams}}]}""";
        var data = new ArtifactPreviewData("art-sim", "metrics", "simulation", ArtifactTabular.Read("application/json", json));

        var cut = Render<ArtifactPreview>(p => p.Add(x => x.Data, data));

        var folded = cut.Find("section[aria-labelledby='table-teams'] details");
        Assert.Contains("Show its 12 rows", folded.TextContent);
        Assert.Empty(cut.FindAll("section[aria-labelledby='table-entries'] details"));
    }

    [Fact]
    public void An_artifact_without_rows_says_so()
    {
        var data = new ArtifactPreviewData("art-empty", "bids", "strategy_generation", ArtifactTabular.Read("application/json", "[]"));

        var cut = Render<ArtifactPreview>(p => p.Add(x => x.Data, data));

        Assert.Contains("holds no rows", cut.Markup);
    }

    [Fact]
    public void A_multi_line_value_is_folded_away()
    {
        var data = new ArtifactPreviewData("art-f", "failure", "simulation", ArtifactTabular.Read("application/json", ArtifactSamples.Failure));

        var cut = Render<ArtifactPreview>(p => p.Add(x => x.Data, data));

        IElement details = cut.FindAll("details").First(d => d.TextContent.Contains("at Somewhere()", StringComparison.Ordinal));
        Assert.Null(details.GetAttribute("open"));
    }
}
