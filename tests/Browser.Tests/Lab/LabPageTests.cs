using System.Diagnostics;
using System.Text.RegularExpressions;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Browser.Tests.Lab;

/// <summary>What a new user does in the Lab, only by clicking: generate the ridge candidates, see them cover every pool, open one and walk its lineage.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LabPageTests(BrowserLab lab, ITestOutputHelper output)
{
    /// <summary>The form's default config, the honest one: ridge market, σ 10, after the First Four, the lab-marked entry replaced.</summary>
    private const string RidgeConfig = "ridge · σ 10 · post_first_four · excluded: lab_marked · dp-v1";

    /// <summary>Eight pools, each with three child runs, on a 2-core machine shared with the other tests: minutes, not seconds.</summary>
    private const float GenerationTimeoutMs = 25 * 60 * 1000;

    [Fact]
    public async Task Generating_the_ridge_candidates_covers_every_pool_and_a_candidate_walks_its_lineage_to_the_tournament_digest()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/lab");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lab");

        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate candidates" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"[?&]run=run-lab-generation-"));
        var status = page.Locator("#lab-generation-status");
        await Assertions.Expect(status).ToContainTextAsync("Succeeded", new() { Timeout = GenerationTimeoutMs });
        output.WriteLine($"ridge generation: {clock.Elapsed.TotalSeconds:0.0} s until the page showed it succeeded ({await status.InnerTextAsync()})");

        // The coverage refreshes by itself once the run has succeeded.
        var ridgeRow = page.Locator("tbody tr", new() { HasText = RidgeConfig });
        await Assertions.Expect(ridgeRow.Locator(".lab-coverage-count")).ToHaveTextAsync("8/8");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("lab-coverage");

        await ridgeRow.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("for calcutta-2025$") }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/lab/candidates/cand-"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("cand-");
        var provenanceDigest = (await page.Locator("[data-digest=tournament]").InnerTextAsync()).Replace("digest ", "").Trim();
        Assert.StartsWith("sha256:", provenanceDigest);
        await Assertions.Expect(page.Locator("tfoot [data-total=bid]")).Not.ToHaveTextAsync("0");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("candidate");

        // The walk: bids → market shares → advancement metrics → the tournament's digest.
        await page.GetByRole(AriaRole.Link, new() { Name = "Walk to the market share artifact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The market share artifact" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Walk to the advancement metrics artifact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The advancement metrics artifact" })).ToBeVisibleAsync();
        var tournament = page.Locator("tr[data-dataset=ncaa-2025]");
        await Assertions.Expect(tournament).ToContainTextAsync(provenanceDigest);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("candidate-lineage");
        var candidateUrl = page.Url;
        await page.Context.CloseAsync();

        // A phone shows the same pages without scrolling sideways (wide tables scroll in their own box).
        var phone = await lab.NewPageAsync(390, 844);
        foreach (var (url, name) in new[] { ("/lab", "lab-phone"), (candidateUrl, "candidate-phone") })
        {
            await phone.GotoAsync(url);
            await phone.WaitForInteractiveAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            if (url == "/lab")
            {
                await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Generate candidates" })).ToBeEnabledAsync();
            }

            await phone.AssertNoHorizontalScrollAsync();
            await phone.ScreenshotAsync(name);
        }

        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_config_shows_the_apis_error_under_its_field_and_starts_nothing()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/lab");
        await page.WaitForInteractiveAsync();

        // The button is enabled once the page is interactive; typing before that would be overwritten.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Generate candidates" })).ToBeEnabledAsync();
        await page.GetByLabel("Sigma (σ)").FillAsync("0");
        await page.GetByLabel("Sigma (σ)").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate candidates" }).ClickAsync();

        await Assertions.Expect(page.GetByText("'advancementModel.sigma' must be a finite number greater than 0.")).ToBeVisibleAsync();
        Assert.DoesNotContain("run=", page.Url);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("lab-generate-error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_candidate_shows_not_found()
    {
        var page = await lab.NewPageAsync();
        await page.GotoAsync("/lab/candidates/cand-no-such-candidate");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Candidate not found");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
