using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Home;

/// <summary>
/// Every page reachable without creating anything first, on a desktop and on a phone: it renders its heading, passes
/// axe-core and does not scroll sideways. (Pages of things a test creates are checked by that feature's tests.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserLab lab)
{
    public static TheoryData<string> Routes =>
    [
        "/", "/tournaments", "/tournaments/2025", "/pools", "/pools/calcutta-2025", "/runs", "/runs/new", "/simulations/new",
        "/lab", "/sandbox/calcuttas", "/sandbox/cohorts", "/experiments", "/experiments/new", "/backtest", "/not-found",
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_page_is_accessible_and_fits_a_desktop_and_a_phone(string route)
    {
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            var page = await lab.NewPageAsync(width, height);
            await page.GotoAsync(route);
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("LabSandbox"));
            await page.AssertAccessibleAsync();
            await page.AssertNoHorizontalScrollAsync();
            await page.Context.CloseAsync();
        }
    }
}
