using System.Diagnostics;
using System.Text.RegularExpressions;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Browser.Tests.Experiments;

/// <summary>
/// A new user's experiments, only by clicking and typing: start one from the form (its inputs prepared for them),
/// watch its trace until it ends on a page never reloaded, filter the trace, cancel a long one. Other tests share
/// the lab, so nothing here assumes it is alone (each experiment gets its own name and seed).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExperimentPagesTests(BrowserLab lab, ITestOutputHelper output)
{
    [Fact]
    public async Task Starting_an_experiment_from_the_form_streams_its_trace_until_the_final_state_shows_without_a_reload()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/experiments");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New experiment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New experiment");
        await FormReadyAsync(page);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("experiment-new");

        await page.GetByLabel("Name (optional)").FillAsync("Browser search 2025");
        await page.GetByLabel("Master seed").FillAsync("2025");
        await page.GetByLabel("Master seed").PressAsync("Tab");
        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start experiment" }).ClickAsync();

        await page.WaitForURLAsync(ExperimentUrl(), new() { Timeout = 120_000 });
        var navigated = clock.Elapsed;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Browser search 2025");
        var url = page.Url;

        // The trace fills in live; the end event, the final comparison and the status arrive on this same page.
        await Assertions.Expect(page.Locator(".trace-row[data-type='EXPERIMENT.END']")).ToHaveCountAsync(1, new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator(".experiment-status")).ToHaveTextAsync("succeeded");
        await Assertions.Expect(page.Locator(".final-best")).ToContainTextAsync("$");
        await Assertions.Expect(page.Locator(".hindsight-note")).ToContainTextAsync("Hindsight result");
        output.WriteLine($"Experiment {url}: form submitted → page {navigated.TotalSeconds:0.0} s, → final state shown {clock.Elapsed.TotalSeconds:0.0} s (inputs prepared, search run, no reload)");
        Assert.Equal(url, page.Url);
        await Assertions.Expect(page.Locator("svg.convergence-wide")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.convergence-narrow")).ToBeHiddenAsync();
        Assert.True(await page.Locator(".iterations-table tbody tr").CountAsync() > 1);

        // Newest first: the end event tops the trace; the type filter goes into the address.
        Assert.Equal("EXPERIMENT.END", await page.Locator(".trace-row").First.GetAttributeAsync("data-type"));
        await page.Locator("div.mud-input-control.mud-select").Filter(new() { HasText = "Event type" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "ITERATION.START" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("events=ITERATION.START"));
        await Assertions.Expect(page.Locator(".trace-row:not([data-type='ITERATION.START'])")).ToHaveCountAsync(0);
        var types = await page.Locator(".trace-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.type)");
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("ITERATION.START", t));

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("experiment");

        // The best candidate is one click away.
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Open the best candidate") }).CountAsync());

        // The list shows it with its result.
        await page.GetByRole(AriaRole.Link, new() { Name = "Experiments" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".experiment-row").Filter(new() { HasText = "Browser search 2025" })).ToContainTextAsync("succeeded");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("experiments");
        await page.Context.CloseAsync();

        var phone = await lab.NewPageAsync(390, 844);
        await phone.GotoAsync(url);
        await phone.WaitForInteractiveAsync();
        await Assertions.Expect(phone.Locator(".experiment-status")).ToHaveTextAsync("succeeded");
        await Assertions.Expect(phone.Locator("svg.convergence-narrow")).ToBeVisibleAsync();
        await phone.AssertNoHorizontalScrollAsync();
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("experiment-phone");
        await phone.GotoAsync("/experiments/new");
        await phone.WaitForInteractiveAsync();
        await phone.AssertNoHorizontalScrollAsync();
        await phone.GotoAsync("/experiments");
        await phone.WaitForInteractiveAsync();
        await phone.AssertNoHorizontalScrollAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_long_experiment_can_be_cancelled_after_confirming_and_the_page_shows_it_cancelled()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/experiments/new");
        await FormReadyAsync(page);
        await page.GetByLabel("Name (optional)").FillAsync("Long search to cancel");
        await page.GetByLabel("Master seed").FillAsync("424242");
        await page.GetByLabel("Screening simulations").FillAsync("1000000");
        await page.GetByLabel("Evaluation simulations").FillAsync("5000000");
        await page.GetByLabel("Max iterations").FillAsync("500");
        await page.GetByLabel("Patience").FillAsync("500");
        await page.GetByLabel("Patience").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start experiment" }).ClickAsync();
        await page.WaitForURLAsync(ExperimentUrl(), new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Long search to cancel");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel experiment" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep it running" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel experiment" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel experiment" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();

        await Assertions.Expect(page.Locator(".experiment-status")).ToHaveTextAsync("cancelled", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".convergence-reason")).ToContainTextAsync("cancelled");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel experiment" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("experiment-cancelled");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_experiment_shows_the_not_found_view()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/experiments/exp-no-such-thing");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Experiment not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "All experiments" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The form is live (its circuit rendered it): typing before that would be lost to the interactive render.</summary>
    private static async Task FormReadyAsync(IPage page)
    {
        await page.WaitForInteractiveAsync();
    }

    [GeneratedRegex(@"/experiments/exp-[0-9a-f]+$")]
    private static partial Regex ExperimentUrl();
}
