using System.Globalization;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Home;

/// <summary>Home as a dashboard: its panels, its quick actions, and run counts that follow new runs without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeDashboardTests(BrowserLab lab)
{
    [Fact]
    public async Task Home_shows_every_panel_and_its_run_counts_follow_a_new_run_live()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        foreach (var panel in new[] { "Runs by status", "Dead letters needing attention", "Datasets at a glance", "Recent experiments" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = panel, Level = 2 })).ToBeVisibleAsync();
        }

        var actions = page.GetByRole(AriaRole.Navigation, new() { Name = "Quick actions" }).GetByRole(AriaRole.Link);
        await Assertions.Expect(actions).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "See all dead-lettered runs" })).ToHaveAttributeAsync("href", "/runs?deadLettered=true");

        var succeeded = page.Locator("a[href='/runs?status=succeeded'] .lab-tile-value");
        var before = int.Parse((await succeeded.TextContentAsync())!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        // A run started elsewhere (here: through the API) shows up in the counts while the page stays open.
        var response = await page.APIRequest.PostAsync("/api/v1/runs", new()
        {
            DataObject = new { kind = "advancement", tournamentId = "ncaa-2024", model = new { kind = "kenpom-logistic", sigma = 9.5 }, startingState = "pre_tournament" },
        });
        Assert.Equal(202, response.Status);
        await Assertions.Expect(succeeded).Not.ToHaveTextAsync(before.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "all pools" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pools");
        await page.Context.CloseAsync();
    }
}
