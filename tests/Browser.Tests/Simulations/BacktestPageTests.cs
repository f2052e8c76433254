using System.Text.RegularExpressions;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace LabSandbox.Browser.Tests.Simulations;

/// <summary>
/// The backtest page runs the backtest in the background (100,000 simulations per year, seed 2025 by default) and
/// shows the table of <c>docs/backtest.md</c>, cell for cell, with its chart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BacktestPageTests(BrowserLab lab)
{
    private const string Table = "table[aria-label='Backtest by year and market model']";

    [Fact]
    public async Task Running_the_backtest_shows_progress_then_the_numbers_of_docs_backtest_md_with_a_chart_and_an_export()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/backtest");
        await page.WaitForInteractiveAsync();
        await page.WaitForInteractiveAsync();
        if (await page.Locator(Table).CountAsync() == 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Run backtest" }).ClickAsync();
            await Expect(page.GetByText("Backtest running")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Backtest progress by track" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
            await page.ScreenshotAsync("backtest-running");
        }

        await Expect(page.Locator(Table)).ToBeVisibleAsync(new() { Timeout = 540_000 });
        var expected = DocumentedRows();
        Assert.Equal(9, expected.Count); // eight years and the mean
        foreach (var (year, cells) in expected.Where(r => r.Year != "mean"))
        {
            var shown = await page.Locator($"{Table} tr[data-year='{year}'] td").AllInnerTextsAsync();
            Assert.Equal(cells, shown.Select(Normalize).ToList());
        }

        var mean = (await page.Locator($"{Table} tfoot td").AllInnerTextsAsync()).Select(Normalize).ToList();
        Assert.Equal(expected.Single(r => r.Year == "mean").Cells, mean);
        await Expect(page.Locator("figure svg rect")).ToHaveCountAsync(8 * 5);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export backtest table as CSV" }).ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.Equal(9, lines.Count);
        Assert.StartsWith("2017,calcutta-2017,P005,2851,", lines[1]);

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("backtest");
        await page.Context.CloseAsync();

        var phone = await lab.NewPageAsync(390, 844);
        await phone.GotoAsync("/backtest");
        await phone.WaitForInteractiveAsync();
        await phone.WaitForInteractiveAsync();
        await Expect(phone.Locator(Table)).ToBeVisibleAsync();
        await phone.AssertNoHorizontalScrollAsync();
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("backtest-phone");
        await phone.Context.CloseAsync();
    }

    /// <summary>The committed table's rows: year, then its cells as the page writes them (bold marks dropped).</summary>
    private static List<(string Year, List<string> Cells)> DocumentedRows() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "backtest.md"))
            .Where(l => YearRow().IsMatch(l))
            .Select(l => l.Replace("**", "").Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .Select(c => (c[0], c[1..].ToList()))
            .ToList();

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\| (\d{4}|\*\*mean\*\*) \|")]
    private static partial Regex YearRow();
}
