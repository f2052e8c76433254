using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Browser.Tests.Runs;

/// <summary>The Runs pages on the shared embedded lab, as a new user would use them: only clicking and typing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunPagesTests(BrowserLab lab, ITestOutputHelper output)
{
    [Fact]
    public async Task Starting_an_advancement_run_for_2025_shows_its_page_reaching_succeeded_with_events_and_artifacts()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/runs");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New run" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New run");
        await page.WaitForInteractiveAsync();

        var runId = await page.StartAdvancementAsync(2025);
        output.WriteLine($"started {runId}");

        await page.ExpectStatusAsync("succeeded");
        foreach (var kind in new[] { "queued", "started", "progress", "succeeded" })
        {
            await Assertions.Expect(page.TimelineItem(kind).First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("#run-artifacts ~ ul a").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("metrics", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=run-lineage] a[href='/tournaments/2025']").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("run-detail-advancement");

        // The catalog lists it, linked, and the kind filter keeps it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/runs", StringComparison.Ordinal));
        await page.ChooseAsync("Kind", "advancement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("kind=advancement", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"tr[data-run-id='{runId}'] a")).ToBeVisibleAsync();

        // A created range that holds today keeps it; one that ended yesterday does not.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Created from (UTC)").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"from={today}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"tr[data-run-id='{runId}'] a")).ToBeVisibleAsync();
        await page.GetByLabel("Created from (UTC)").FillAsync(yesterday);
        await page.GetByLabel("Created to (UTC, inclusive)").FillAsync(yesterday);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"to={yesterday}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"tr[data-run-id='{runId}']")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/runs", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"tr[data-run-id='{runId}'] a")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("runs");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_long_simulation_started_by_clicking_can_be_cancelled_after_a_confirmation()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/runs/new");
        await page.WaitForInteractiveAsync();
        await page.StartAdvancementAsync(2025);
        await page.ExpectStatusAsync("succeeded");

        // Pivot from the metrics to a simulation of the 2025 pool, large enough to take a while.
        await page.GetByRole(AriaRole.Link, new() { Name = "Simulate a pool with these metrics" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New run");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Simulations").FillAsync("100000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        var runId = await page.WaitForRunPageAsync();
        output.WriteLine($"simulation {runId}");

        await page.ExpectStatusAsync("running");
        // Wait for a real rate (the first progress event of a run says 0 simulations/s).
        await Assertions.Expect(page.Locator(".run-rate")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"[1-9][\d,]* simulations/s"), new() { Timeout = 60_000 });
        output.WriteLine(await page.Locator(".run-progress [role=status]").InnerTextAsync());
        await page.ScreenshotAsync("run-detail-running");

        await page.ConfirmActionAsync("Cancel run", "Cancel run");
        await page.ExpectStatusAsync("cancelled");
        output.WriteLine(await page.Locator(".run-event[data-event-kind=progress]").Last.InnerTextAsync());
        await Assertions.Expect(page.TimelineItem("cancelled")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_runs_page_is_accessible_and_fits_a_phone()
    {
        foreach (var (width, height, suffix) in new[] { (1280, 800, ""), (390, 844, "-phone") })
        {
            var page = await lab.NewPageAsync(width, height);
            await page.GotoAsync("/runs/new");
            await page.WaitForInteractiveAsync();
            await page.AssertAccessibleAsync();
            await page.AssertNoHorizontalScrollAsync();
            await page.ScreenshotAsync("run-new" + suffix);

            await page.StartAdvancementAsync(2024);
            await page.ExpectStatusAsync("succeeded");
            await page.AssertAccessibleAsync();
            await page.AssertNoHorizontalScrollAsync();
            await page.ScreenshotAsync("run-detail" + suffix);

            await page.GotoAsync("/runs");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.AssertNoHorizontalScrollAsync();
            await page.ScreenshotAsync("runs-list" + suffix);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_invalid_request_shows_the_field_error_inline()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/runs/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Starting state").FillAsync("half_time");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-input-control").Filter(new() { HasTextString = "Starting state" }).Locator(".mud-input-helper-text.mud-input-error"))
            .ToContainTextAsync("half_time");
        Assert.EndsWith("/runs/new", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("run-new-invalid");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_run_is_a_not_found_page_with_a_404()
    {
        var page = await lab.NewPageAsync();
        var response = await page.GotoAsync("/runs/run-does-not-exist-1");

        Assert.Equal(404, response!.Status);
        // Prerendered as the app's not-found page (404); once live, the run page says which run is missing.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Run not found");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
