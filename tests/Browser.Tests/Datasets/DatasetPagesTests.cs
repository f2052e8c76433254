using LabSandbox.Browser.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Datasets;

/// <summary>
/// A new analyst's path through the real data, only by clicking: from Home to the 2025 tournament (bracket, and the
/// advancement heat map under another model and starting state) and to the 2025 pool (bid matrix, real standings).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DatasetPagesTests(BrowserLab lab)
{
    private const string HeatCell = "td.lab-heat-cell";

    [Fact]
    public async Task From_home_to_the_2025_tournament_then_another_model_and_starting_state_in_the_heat_map()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "2025 tournament, 68 teams" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("NCAA Tournament 2025");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "East region" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Champion: Florida")).ToBeVisibleAsync();
        await ShowHeatMapAsync(page, "σ = 10 · Before the tournament");

        // Another model: the choice goes to the query string, and its table is computed if no run has it yet.
        await page.Locator("#advancement-sigma").SelectOptionAsync("12");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/tournaments/2025\?sigma=12$"));
        await ShowHeatMapAsync(page, "σ = 12 · Before the tournament");

        await page.Locator("#advancement-state").SelectOptionAsync("through_round:2");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/tournaments/2025\?sigma=12&state=through_round(%3A|:)2$"));
        await ShowHeatMapAsync(page, "σ = 12 · After the Round of 64");

        // The runs that used this tournament include the ones just made, each linked.
        var runLinks = page.Locator("#runs a[href^='/runs/run-advancement-']");
        await Assertions.Expect(runLinks.First).ToBeVisibleAsync();

        await page.GotoAsync("/tournaments/2025");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(HeatCell).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync("tournament-2025", forDocs: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task From_home_to_the_2025_pool_its_bid_matrix_and_real_standings_and_an_export()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "2025 pool, 47 entries" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2025");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("#bids tbody tr")).ToHaveCountAsync(47);
        await Assertions.Expect(page.Locator("#standings tbody tr")).ToHaveCountAsync(47);
        await Assertions.Expect(page.GetByText("Hindsight: the real result")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Simulate this pool" })).ToHaveAttributeAsync("href", "/simulations/new?pool=calcutta-2025");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export real standings as CSV" }).ClickAsync());
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("position,tied,entryKey,points,payoutCents,labExcluded", lines[0]);
        Assert.Equal(48, lines.Length);

        await AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync("pool-2025");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_lists_lead_to_each_year_and_every_page_fits_a_phone()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/tournaments");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "2019", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("NCAA Tournament 2019");
        await page.GotoAsync("/pools");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The 2017 pool" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2017");
        await page.Context.CloseAsync();

        var phone = await lab.NewPageAsync(390, 844);
        foreach (var (path, name) in new[]
                 {
                     ("/tournaments", "tournaments-phone"), ("/tournaments/2025", "tournament-2025-phone"),
                     ("/pools", "pools-phone"), ("/pools/calcutta-2025", "pool-2025-phone"),
                 })
        {
            await phone.GotoAsync(path);
            await phone.WaitForInteractiveAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await AssertAccessibleAsync(phone);
            await phone.AssertNoHorizontalScrollAsync();
            await phone.ScreenshotAsync(name);
        }

        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_year_or_pool_shows_the_not_found_page()
    {
        var page = await lab.NewPageAsync();
        foreach (var (path, heading) in new[]
                 {
                     ("/tournaments/1999", "Tournament not found"), ("/pools/calcutta-1999", "Pool not found"), ("/tournaments/latest", "Page not found"),
                 })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Assertions.Expect(page).ToHaveTitleAsync($"{heading} · LabSandbox");
            await AssertAccessibleAsync(page);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the home page" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>axe once the page's title is in place (the interactive head replaces the prerendered one on connect).</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("LabSandbox$"));
        await page.AssertAccessibleAsync();
    }

    /// <summary>
    /// Shows the heat map for the page's choice (its caption names the model and starting state): computed already,
    /// or started here and followed until its run succeeds.
    /// </summary>
    private static async Task ShowHeatMapAsync(IPage page, string caption)
    {
        var table = page.Locator("#advancement").GetByText(caption);
        var compute = page.GetByRole(AriaRole.Button, new() { Name = "Compute advancement probabilities" });
        await Assertions.Expect(table.Or(compute)).ToBeVisibleAsync();
        if (await compute.IsVisibleAsync())
        {
            await compute.ClickAsync();
        }

        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator(HeatCell).First).ToBeVisibleAsync();
    }
}
