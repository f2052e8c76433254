using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Home;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserLab lab)
{
    [Fact]
    public async Task Opening_the_root_shows_the_home_page_and_it_is_accessible_at_desktop_and_phone_sizes()
    {
        foreach (var (width, height, name) in new[] { (1280, 800, "home"), (390, 844, "home-phone") })
        {
            var page = await lab.NewPageAsync(width, height);
            var response = await page.GotoAsync("/");
            Assert.Equal(200, response!.Status);
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("LabSandbox");
            await page.AssertAccessibleAsync();
            await page.AssertNoHorizontalScrollAsync();
            await page.ScreenshotAsync(name, forDocs: name == "home");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page_with_a_404()
    {
        var page = await lab.NewPageAsync();
        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
