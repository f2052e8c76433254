using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Sandbox;

/// <summary>
/// A new user's Sandbox journey, only by clicking and typing: copy the 2025 pool, try an invalid entry and read the
/// error, add a valid one and diff the versions, attach the Lab's candidate, focus it, exclude the entry it replaces,
/// simulate, and reach the run's results.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SyntheticCalcuttaJourneyTests(BrowserLab lab)
{
    private const string SyntheticId = "browser-copy-2025";

    [Fact]
    public async Task Copy_the_2025_pool_edit_it_attach_and_focus_a_candidate_and_simulate_it()
    {
        using var api = new HttpClient { BaseAddress = lab.BaseAddress };
        await SandboxLabSetup.EnsureNaiveEvCandidatesAsync(api);
        var (candidateId, excludedEntry) = await SandboxLabSetup.CandidateOfAsync(api, "calcutta-2025");

        var page = await lab.NewPageAsync();
        await page.GotoAsync("/sandbox/calcuttas");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Synthetic calcuttas");

        // Copy the 2025 pool.
        await page.GetByLabel("Real pool").SelectOptionAsync("calcutta-2025");
        await page.GetByLabel("Id (optional)").FillAsync(SyntheticId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy pool" }).ClickAsync();
        await page.WaitForURLAsync($"**/sandbox/calcuttas/{SyntheticId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Copy of calcutta-2025");

        // An invalid entry: the grain's errors show next to the bids, readable.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an entry" }).ClickAsync();
        await FillBidsAsync(page, ("duke", 60), ("houston", 30), ("florida", 30));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add entry", Exact = true }).ClickAsync();
        var errors = page.Locator("#entry-bids-error");
        await Assertions.Expect(errors).ToContainTextAsync("'duke' has 60");
        await Assertions.Expect(errors).ToContainTextAsync("Bids total at most 100 points; this entry totals 120.");
        await page.AssertAccessibleAsync();

        // Fixed, it is saved as version 2; its diff against version 1 shows the added entry.
        await FillBidsAsync(page, ("duke", 40), ("houston", 30), ("florida", 30));
        await page.GetByLabel("Entry key (optional)").FillAsync("browser-manual");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add entry", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "browser-manual", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Against previous: diff version 2 with version 1" }).ClickAsync();
        var diff = page.GetByRole(AriaRole.Region, new() { Name = "Version diff" });
        await Assertions.Expect(diff).ToContainTextAsync("1 added, 0 removed, 0 changed");
        await Assertions.Expect(diff).ToContainTextAsync("duke – → 40");

        // Attach the Lab's candidate for 2025, make it the focus, and leave out the entry it replaces.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Attach {candidateId}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Set focus: {candidateId}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Focus candidate")).ToHaveValueAsync(candidateId);
        if (excludedEntry is not null)
        {
            await page.GetByLabel("Excluded entry").SelectOptionAsync(excludedEntry);
            await Assertions.Expect(page.GetByLabel("Excluded entry")).ToHaveValueAsync(excludedEntry);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = $"Simulate version {(excludedEntry is null ? 4 : 5)}" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("sandbox-calcutta");

        // Simulate: the run starts over this version and the page opens its results.
        await page.GetByLabel("Simulations").FillAsync("20000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
        await page.WaitForURLAsync(RunResultsUrl(), new() { Timeout = 120_000 });
        var runId = RunResultsUrl().Match(page.Url).Groups[1].Value;
        var run = await SandboxLabSetup.WaitSucceededAsync(api, runId, TimeSpan.FromMinutes(3));
        Assert.Equal("simulation", run["kind"]!.GetValue<string>());
        Assert.Contains(run["datasetRefs"]!.AsArray(), d => d!["id"]!.GetValue<string>() == SyntheticId);

        // The page left open shows the finished leaderboard, the focus candidate's row named by its id and highlighted.
        var focusRow = page.Locator($"table[aria-label=Leaderboard] tbody tr[data-entry='{candidateId}']");
        await Assertions.Expect(focusRow).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(focusRow).ToContainTextAsync(candidateId);
        await Assertions.Expect(focusRow).ToContainTextAsync("focus candidate");
        await page.AssertAccessibleAsync();

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_detail_page_fits_a_phone_and_an_unknown_id_is_not_found()
    {
        using var api = new HttpClient { BaseAddress = lab.BaseAddress };
        var copy = await api.PostAsJsonAsync("/api/v1/sandbox/synthetic-calcuttas/from-calcutta",
            new JsonObject { ["calcuttaId"] = "calcutta-2024", ["syntheticCalcuttaId"] = "browser-phone-2024" });
        Assert.True(copy.IsSuccessStatusCode, await copy.Content.ReadAsStringAsync());

        var page = await lab.NewPageAsync(390, 844);
        foreach (var path in new[] { "/sandbox/calcuttas", "/sandbox/calcuttas/browser-phone-2024" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await page.AssertNoHorizontalScrollAsync();
            await page.AssertAccessibleAsync();
        }

        await page.ScreenshotAsync("sandbox-calcutta-phone");
        await page.GotoAsync("/sandbox/calcuttas/no-such-scenario");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Synthetic calcutta not found");
        await page.Context.CloseAsync();
    }

    private static async Task FillBidsAsync(IPage page, params (string Team, int Points)[] bids)
    {
        for (var i = 0; i < bids.Length; i++)
        {
            await page.Locator($"#bid-team-{i}").SelectOptionAsync(bids[i].Team);
            await page.Locator($"#bid-points-{i}").FillAsync(bids[i].Points.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"/runs/([^/]+)/results$")]
    private static partial Regex RunResultsUrl();
}
