using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LabSandbox.Browser.Tests.Backtest;

/// <summary>
/// The backtest page shows the report the build embeds (<c>src/Client.Api/Features/Backtest/backtest-report.json</c>,
/// written by the <c>backtest</c> command): the per-year table, switched here from the expected payout to the realized
/// one, checked cell for cell against the committed file. A checkout without the file shows how to generate it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BacktestPageTests(BrowserLab lab)
{
    private static readonly string ReportPath = Path.Combine(RepoPaths.Root, "src", "Client.Api", "Features", "Backtest", "backtest-report.json");

    [Fact]
    public async Task The_page_shows_the_committed_report_and_switching_the_measure_shows_the_realized_payouts()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/backtest");
        await page.WaitForInteractiveAsync();
        if (!File.Exists(ReportPath))
        {
            await Expect(page.GetByText("No backtest report is embedded in this build yet")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("backtest-empty");
            await page.Context.CloseAsync();
            return;
        }

        var report = JsonNode.Parse(await File.ReadAllTextAsync(ReportPath))!;
        var firstYear = report["years"]![0]!;
        var hindsight = report["strategies"]!.AsArray().Count(s => s!["hindsight"]!.GetValue<bool>());
        var table = page.Locator("table.bt-table");
        await Expect(table.Locator("caption")).ToContainTextAsync("Expected, σ = 10");
        await Expect(table.Locator("thead .bt-hindsight")).ToHaveCountAsync(hindsight);
        await AssertRowAsync(page, firstYear, "expectedPayoutCents");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("backtest");

        await page.GetByRole(AriaRole.Button, new() { Name = "Realized" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/backtest\?measure=realized$"));
        await Expect(table.Locator("caption")).ToContainTextAsync("Realized by year");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Realized" })).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertRowAsync(page, firstYear, "realizedPayoutCents");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("backtest-realized");
        await page.Context.CloseAsync();

        // The link opens the same view, and the wide table scrolls in its own box on a phone.
        var phone = await lab.NewPageAsync(390, 844);
        await phone.GotoAsync("/backtest?measure=realized");
        await phone.WaitForInteractiveAsync();
        await Expect(phone.Locator("table.bt-table caption")).ToContainTextAsync("Realized by year");
        await phone.AssertNoHorizontalScrollAsync();
        await phone.Context.CloseAsync();
    }

    /// <summary>Each strategy's cell in the year's row starts with the measure's cents in dollars, as the file has them.</summary>
    private static async Task AssertRowAsync(IPage page, JsonNode year, string measure)
    {
        foreach (var cell in year["cells"]!.AsArray())
        {
            var cents = cell![measure]!.GetValue<long>();
            var shown = page.Locator($"table.bt-table tr[data-year='{year["year"]}'] td[data-strategy='{cell["strategy"]}'] .bt-value");
            await Expect(shown).ToHaveTextAsync(Dollars(cents));
        }
    }

    private static string Dollars(long cents) =>
        string.Create(CultureInfo.InvariantCulture, $"{(cents < 0 ? "-" : "")}${Math.Abs(cents) / 100:N0}.{Math.Abs(cents) % 100:00}");
}
