using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LabSandbox.Browser.Tests.Infrastructure;
using LabSandbox.TestSupport;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Artifacts;

/// <summary>
/// ArtifactDetail in Chromium: previews of a simulation's artifacts, the three downloads (the CSV checked against the
/// JSON), paging a JSON Lines artifact, walking lineage by clicking to the tournament's digest, and the phone layout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArtifactPageTests(BrowserLab lab)
{
    [Fact]
    public async Task A_simulations_metrics_artifact_previews_as_tables_and_downloads_as_JSON_CSV_and_Parquet_that_agree()
    {
        var runs = await ArtifactLabRuns.GetAsync(lab);
        var page = await lab.NewPageAsync();
        await page.GotoAsync($"/artifacts/{runs.SimulationMetricsId}");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Artifact: metrics");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = runs.SimulationRunId, Exact = true })).ToHaveAttributeAsync("href", $"/runs/{runs.SimulationRunId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Entries by expected payout" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "P(first)", Exact = true })).ToBeVisibleAsync();

        var json = JsonNode.Parse(await DownloadAsync(page, "Download artifact as JSON"))!;
        var entries = json["entries"]!.AsArray();
        Assert.Equal(47, entries.Count);

        var csv = CsvText.Parse(await DownloadAsync(page, "Download artifact as CSV"));
        var header = csv[0];
        Assert.Equal(entries.Count, csv.Count - 1);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]!;
            var row = csv[i + 1];
            Assert.Equal(entry["entryKey"]!.GetValue<string>(), row[header.IndexOf("entryKey")]);
            Assert.Equal(entry["expectedPayoutCents"]!.GetValue<double>(), Number(row[header.IndexOf("expectedPayoutCents")]));
            Assert.Equal(entry["pFirst"]!.GetValue<double>(), Number(row[header.IndexOf("pFirst")]));
            Assert.Equal(entry["positionCounts"]![0]!.GetValue<long>(), (long)Number(row[header.IndexOf("positionCounts_1")]));
        }

        // The shown value is the JSON's, in dollars: the top entry's expected payout, to the cent.
        var top = Math.Round(entries[0]!["expectedPayoutCents"]!.GetValue<double>(), MidpointRounding.AwayFromZero);
        var dollars = "$" + ((long)top / 100).ToString("N0", CultureInfo.InvariantCulture) + "." + ((long)top % 100).ToString("00", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("section[aria-labelledby='table-entries'] tbody tr").First).ToContainTextAsync(dollars);

        var parquet = await DownloadBytesAsync(page, "Download artifact as Parquet");
        Assert.Equal("PAR1", Encoding.ASCII.GetString(parquet, 0, 4));
        using var http = ArtifactLabRuns.Http(lab);
        Assert.Equal(await http.GetByteArrayAsync($"/api/v1/artifacts/{runs.SimulationMetricsId}/content?format=parquet&table=entries"), parquet);

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("artifact-simulation-metrics");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_heavy_JSON_Lines_artifact_is_previewed_a_page_at_a_time_and_its_Parquet_is_the_stored_copy()
    {
        var runs = await ArtifactLabRuns.GetAsync(lab);
        var page = await lab.NewPageAsync();
        await page.GotoAsync($"/artifacts/{runs.EntryDistributionsId}");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Artifact: entry_distributions");
        await Assertions.Expect(page.GetByText("Rows 1–25 of 47").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='table-rows'] tbody tr")).ToHaveCountAsync(25);
        await page.ScreenshotAsync("artifact-entry-distributions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next rows" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Rows 26–47 of 47").First).ToBeVisibleAsync();
        Assert.Contains("offset=25", page.Url);
        await Assertions.Expect(page.Locator("section[aria-labelledby='table-rows'] tbody tr")).ToHaveCountAsync(22);

        var lines = (await DownloadAsync(page, "Download artifact as JSON")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = CsvText.Parse(await DownloadAsync(page, "Download artifact as CSV"));
        Assert.Equal(lines.Select(l => JsonNode.Parse(l)!["entryKey"]!.GetValue<string>()), csv.Skip(1).Select(r => r[csv[0].IndexOf("entryKey")]));

        var parquet = await DownloadBytesAsync(page, "Download artifact as Parquet");
        using var http = ArtifactLabRuns.Http(lab);
        Assert.Equal(await http.GetByteArrayAsync($"/api/v1/artifacts/{runs.EntryDistributionsId}/content?format=parquet&table=rows"), parquet);

        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Walking_lineage_by_clicking_leads_from_a_simulations_metrics_to_the_tournaments_digest()
    {
        var runs = await ArtifactLabRuns.GetAsync(lab);
        using var http = ArtifactLabRuns.Http(lab);
        var digest = (await http.GetFromJsonAsync<JsonObject>("/api/v1/tournaments/ncaa-2025"))!["digest"]!.GetValue<string>();

        var page = await lab.NewPageAsync();
        await page.GotoAsync($"/artifacts/{runs.SimulationMetricsId}");
        await page.WaitForInteractiveAsync();
        var graph = page.GetByRole(AriaRole.Group, new() { Name = $"Lineage of artifact {runs.SimulationMetricsId}" });
        await Assertions.Expect(graph).ToBeVisibleAsync();

        // Up one step: the advancement metrics the simulation pinned.
        await graph.Locator($"a[href='/artifacts/{runs.AdvancementMetricsId}']").ClickAsync();
        await page.WaitForURLAsync($"**/artifacts/{runs.AdvancementMetricsId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Artifact: metrics");
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync(runs.AdvancementRunId);

        // Its lineage ends at the tournament dataset, digest and all; and it knows the simulation used it.
        var upstream = page.GetByRole(AriaRole.Group, new() { Name = $"Lineage of artifact {runs.AdvancementMetricsId}" });
        var dataset = upstream.GetByRole(AriaRole.Link, new() { Name = $"Dataset ncaa-2025 tournament · {digest}" });
        await Assertions.Expect(dataset).ToHaveAttributeAsync("href", "/tournaments/2025");
        await Assertions.Expect(upstream.Locator($"a[href='/runs/{runs.SimulationRunId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("section[aria-labelledby='used-by']")).ToContainTextAsync(runs.SimulationRunId);

        // The text alternative says the same in words.
        await page.GetByText($"Lineage of artifact {runs.AdvancementMetricsId} as text").ClickAsync();
        await Assertions.Expect(page.Locator("details ol")).ToContainTextAsync(digest);

        // Keyboard: the dataset node is reachable with Tab and announces itself.
        await dataset.FocusAsync();
        Assert.EndsWith($"Dataset ncaa-2025 tournament · {digest}", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("artifact-advancement-lineage");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_phone_width_the_page_does_not_scroll_sideways_and_an_unknown_id_is_not_found()
    {
        var runs = await ArtifactLabRuns.GetAsync(lab);
        var page = await lab.NewPageAsync(390, 844);
        await page.GotoAsync($"/artifacts/{runs.SimulationMetricsId}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lineage", Exact = true })).ToBeVisibleAsync();
        await page.AssertNoHorizontalScrollAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("artifact-simulation-metrics-phone");

        await page.GotoAsync("/artifacts/art-no-such-artifact");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Artifact not found");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task<byte[]> DownloadBytesAsync(IPage page, string linkName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    private static async Task<string> DownloadAsync(IPage page, string linkName) =>
        Encoding.UTF8.GetString(await DownloadBytesAsync(page, linkName));

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
