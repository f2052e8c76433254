using System.Globalization;
using System.Text.Json;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Sandbox;

/// <summary>
/// A cohort of every real year, only by clicking and typing: create it with each pool's Lab candidate in focus,
/// simulate it, watch it finish, and read the per-year table with its mean row and the chart's text alternative.
/// Then compare with the real entries: each year's baseline run (the real pool as it was) fills the real excluded
/// entry's column, checked against the baseline's metrics artifact.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CohortJourneyTests(BrowserLab lab)
{
    private const string CohortId = "browser-all-years";

    [Fact]
    public async Task Create_a_cohort_of_all_years_simulate_it_and_read_the_per_year_table_with_the_mean_row()
    {
        using var api = new HttpClient { BaseAddress = lab.BaseAddress };
        var configKey = await SandboxLabSetup.EnsureNaiveEvCandidatesAsync(api);

        var page = await lab.NewPageAsync();
        await page.GotoAsync("/sandbox/cohorts");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cohorts");

        await page.GetByLabel("Name").FillAsync("All years, naive EV");
        await page.GetByLabel("Id (optional)").FillAsync(CohortId);
        await page.GetByLabel("All years' pools").CheckAsync();
        await page.GetByLabel("Focus: each pool's Lab candidate of config").SelectOptionAsync(configKey);
        await page.GetByLabel("Simulations per member").FillAsync("5000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await page.WaitForURLAsync($"**/sandbox/cohorts/{CohortId}", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("All years, naive EV");

        // Simulate: the page follows the durable run live and ends on the final per-year table.
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate cohort" }).ClickAsync();
        var mean = page.Locator("tfoot tr").Filter(new() { HasText = "Mean of 8 years" });
        await Assertions.Expect(mean).ToBeVisibleAsync(new() { Timeout = 240_000 });
        var yearRows = page.Locator("table:has(tfoot) tbody tr");
        await Assertions.Expect(yearRows).ToHaveCountAsync(8);
        foreach (var year in new[] { "2017", "2018", "2019", "2021", "2022", "2023", "2024", "2025" })
        {
            // Each year's row names the year and links to that year's member (a copy of the year's pool).
            var row = yearRows.Filter(new() { Has = page.Locator($"th a[href^='/sandbox/calcuttas/calcutta-{year}-']") });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.Locator("th")).ToContainTextAsync(year);
        }

        // Each member's run is one click away, and the chart says in words what it draws.
        await Assertions.Expect(yearRows.First.Locator("a[href^='/runs/']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("svg[role=img] desc")).ToContainTextAsync("2025: candidate $");

        // Compare with the real entries: one baseline simulation per year, followed live until each is read.
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare with the real entries" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lab-baseline-progress")).ToHaveTextAsync("Baseline runs: 8 of 8 read.", new() { Timeout = 240_000 });
        foreach (var cell in await yearRows.Locator("td.lab-real-entry").AllAsync())
        {
            await Assertions.Expect(cell).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\$[0-9,]+\.[0-9]{2}"));
        }

        await Assertions.Expect(page.Locator("tfoot td.lab-real-entry")).ToContainTextAsync("$");
        await Assertions.Expect(page.Locator("svg[role=img] desc")).ToContainTextAsync("real excluded entry $");
        var real2025 = yearRows.Filter(new() { Has = page.Locator("th a[href^='/sandbox/calcuttas/calcutta-2025-']") }).Locator("td.lab-real-entry");
        var baselineLink = real2025.Locator("a[href$='/results']");
        var baselineRunId = (await baselineLink.GetAttributeAsync("href"))!.Split('/')[2];
        var expected = await ExpectedPayoutCentsAsync(api, baselineRunId, (await baselineLink.TextContentAsync())!.Trim());
        await Assertions.Expect(real2025).ToContainTextAsync(Dollars(expected));

        // Opened again, the page finds the baselines that exist (no click) and reads them.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".lab-baseline-progress")).ToHaveTextAsync("Baseline runs: 8 of 8 read.");
        await Assertions.Expect(real2025).ToContainTextAsync(Dollars(expected));

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("cohort");

        await page.SetViewportSizeAsync(390, 844);
        await page.AssertNoHorizontalScrollAsync();
        await page.ScreenshotAsync("cohort-phone");
        await page.GotoAsync("/sandbox/cohorts");
        await page.WaitForInteractiveAsync();
        await page.AssertNoHorizontalScrollAsync();
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The excluded entry's expected payout as the backtest computes it, from the baseline's metrics artifact over HTTP: its payout total over nSims, to the cent, halves to even.</summary>
    private static async Task<long> ExpectedPayoutCentsAsync(HttpClient api, string runId, string entryKey)
    {
        using var run = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/runs/{runId}"));
        Assert.Equal("simulation", run.RootElement.GetProperty("kind").GetString());
        var metricsId = run.RootElement.GetProperty("artifacts").EnumerateArray()
            .Single(a => a.GetProperty("kind").GetString() == "metrics").GetProperty("artifactId").GetString();
        using var metrics = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/artifacts/{metricsId}/content"));
        Assert.Equal(5000, metrics.RootElement.GetProperty("nSims").GetInt64());
        var total = metrics.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("entryKey").GetString() == entryKey).GetProperty("payoutCentsTotal").GetInt64();
        return (long)Math.Round((decimal)total / 5000, MidpointRounding.ToEven);
    }

    private static string Dollars(long cents) => string.Create(CultureInfo.InvariantCulture, $"${cents / 100:N0}.{cents % 100:00}");
}
