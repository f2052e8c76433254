using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LabSandbox.Browser.Tests.Simulations;

/// <summary>
/// A new user simulates the 2025 pool ten million times only by clicking and typing, watches the run, reads the
/// leaderboard and an entry's payout distribution, and exports the leaderboard; the file is checked against the
/// run's metrics artifact as the API serves it (never against what the page computed).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SimulationRunTests(BrowserLab lab, ITestOutputHelper output)
{
    private const string Leaderboard = "table[aria-label=Leaderboard] tbody tr";

    [Fact]
    public async Task Ten_million_simulations_of_the_2025_pool_progress_live_then_the_leaderboard_exports_the_metrics_artifact()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/simulations/new");
        await page.WaitForInteractiveAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Pool", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "calcutta-2025", Exact = true }).ClickAsync();

        // A bad size is refused with the API's own message on the field, and nothing is created.
        var size = page.GetByLabel("Number of simulations");
        await size.FillAsync("0");
        await size.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start simulation" }).ClickAsync();
        await Expect(size).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 60_000 });
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("simulation-new-error");

        await size.FillAsync("10000000");
        await size.PressAsync("Tab");
        var seed = page.GetByLabel("Seed");
        await seed.FillAsync("2026");
        await seed.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start simulation" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/runs/*/results", new() { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync("simulation-new-stuck");
            throw new TimeoutException("The form did not open the results page; it shows: " + await page.Locator("form").InnerTextAsync());
        }

        var runId = Uri.UnescapeDataString(new Uri(page.Url).AbsolutePath.Split('/')[2]);

        // Live progress: the page shows the run's progress while it runs, then the leaderboard without a reload. Ten million
        // simulations take several seconds, longer than the page's 750 ms poll (a million could start and finish between two
        // polls, going straight from "Queued" to the leaderboard); the test checks that progress was shown, not which count.
        await Expect(page.Locator(".sim-progress-text")).ToContainTextAsync(new Regex(@"Starting|simulations/s"), new() { Timeout = 60_000 });
        output.WriteLine("progress: " + await page.Locator(".sim-progress-text").InnerTextAsync());
        await page.ScreenshotAsync("simulation-progress");

        await Expect(page.Locator(Leaderboard).First).ToBeVisibleAsync(new() { Timeout = 240_000 });
        var entries = await MetricsEntriesAsync(runId);
        await Expect(page.Locator(Leaderboard)).ToHaveCountAsync(entries.Count);

        // The leaderboard exported as CSV is the metrics artifact, row for row and value for value.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export leaderboard as CSV" }).ClickAsync());
        Assert.Equal($"leaderboard-{runId}.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        Assert.Equal(entries.Count, lines.Count - 1);
        for (var i = 0; i < entries.Count; i++)
        {
            var row = header.Zip(lines[i + 1].Split(',')).ToDictionary(p => p.First, p => p.Second);
            var entry = entries[i];
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), row["rank"]);
            Assert.Equal(entry.GetProperty("entryKey").GetString(), row["entryKey"]);
            Assert.Equal(entry.GetProperty("payoutCentsTotal").GetInt64(), long.Parse(row["payoutCentsTotal"], CultureInfo.InvariantCulture));
            foreach (var field in new[] { "expectedPayoutCents", "pFirst", "pTop3", "pTop6", "pTop10", "pInTheMoney", "meanPoints", "stdDevPoints", "meanNormalizedPayout", "medianNormalizedPayout" })
            {
                Assert.Equal(entry.GetProperty(field).GetDouble(), double.Parse(row[field], CultureInfo.InvariantCulture));
            }
        }

        // An entry's payout distribution and finishing positions.
        var entryLink = page.Locator("table[aria-label=Leaderboard] a.sim-entry-link").Nth(1);
        var entryKey = await entryLink.InnerTextAsync();
        await entryLink.ClickAsync();
        await Expect(page.Locator("#entry-detail-title")).ToContainTextAsync(entryKey);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Payout distribution of {entryKey}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Payout histogram of {entryKey}" }).First).ToBeVisibleAsync();
        Assert.Contains($"entry={entryKey}", page.Url);

        // Sorting by P(1st) puts the artifact's most likely winner first (ties by entry key).
        await page.GetByRole(AriaRole.Button, new() { Name = "Sort by P(1st)" }).ClickAsync();
        await page.WaitForURLAsync("**sort=first**");
        var best = entries.OrderByDescending(e => e.GetProperty("pFirst").GetDouble()).ThenBy(e => e.GetProperty("entryKey").GetString(), StringComparer.Ordinal).First();
        await Expect(page.Locator(Leaderboard).First).ToHaveAttributeAsync("data-entry", best.GetProperty("entryKey").GetString()!);
        await Expect(page.Locator("table[aria-label='Team progress against the exact advancement model'] tbody tr")).ToHaveCountAsync(68, new() { Timeout = 10_000 });

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("simulation-results", forDocs: true);
        var url = page.Url;
        await page.Context.CloseAsync();

        var phone = await lab.NewPageAsync(390, 844);
        await phone.GotoAsync(url);
        await phone.WaitForInteractiveAsync();
        await phone.WaitForInteractiveAsync();
        await Expect(phone.Locator(Leaderboard).First).ToBeVisibleAsync();
        await phone.AssertNoHorizontalScrollAsync();
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("simulation-results-phone");
        await phone.GotoAsync("/simulations/new?pool=calcutta-2025");
        await phone.WaitForInteractiveAsync();
        await phone.WaitForInteractiveAsync();
        await phone.AssertNoHorizontalScrollAsync();
        await phone.ScreenshotAsync("simulation-new-phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task Results_of_an_unknown_run_are_a_not_found_page()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/runs/run-simulation-nope-1/results");
        await page.WaitForInteractiveAsync();
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Run not found");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The run's metrics artifact as the API serves it: its entries, in the artifact's order.</summary>
    private async Task<IReadOnlyList<JsonElement>> MetricsEntriesAsync(string runId)
    {
        using var http = new HttpClient { BaseAddress = lab.BaseAddress };
        using var run = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/runs/{runId}"));
        var metricsId = run.RootElement.GetProperty("artifacts").EnumerateArray()
            .Single(a => a.GetProperty("kind").GetString() == "metrics").GetProperty("artifactId").GetString();
        var metrics = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/artifacts/{metricsId}/content"));
        Assert.Equal(10_000_000, metrics.RootElement.GetProperty("nSims").GetInt64());
        return metrics.RootElement.GetProperty("entries").EnumerateArray().ToList();
    }
}
