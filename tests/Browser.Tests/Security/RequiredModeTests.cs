using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Browser.Tests.Infrastructure;
using LabSandbox.Browser.Tests.Runs;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Browser.Tests.Security;

/// <summary>
/// A lab that requires authentication (<c>LabSandbox:Auth:Mode=required</c>, on loopback), with two keys made by the
/// silo host's <c>keys create</c>. A reader signs in: the run form's start button is disabled, and a POST to the API
/// forced from the page with the reader's session is refused with 403. An analyst signs in and starts a run. Signing
/// out returns to the sign-in page, and the pages ask for a key again. The run names the analyst, and the audit trail
/// holds exactly the analyst's one change.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RequiredModeTests(BrowserLab browser, ITestOutputHelper output)
{
    private const string AdvancementRequest =
        """{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":11},"startingState":"pre_tournament"}""";

    [Fact]
    public async Task A_reader_cannot_start_a_run_an_analyst_can_and_signing_out_asks_for_a_key_again()
    {
        await using var lab = await LabProcess.StartAsync(new Dictionary<string, string> { ["LabSandbox__Auth__Mode"] = "required" });
        var readerKey = await LabKeys.CreateAsync(lab, "rita", "reader");
        var analystKey = await LabKeys.CreateAsync(lab, "ana", "analyst");
        var page = await browser.NewPageAsync();
        var at = (string path) => new Uri(lab.BaseAddress, path).ToString();

        // Not signed in: a page sends the browser to the sign-in page, which will return to it.
        await page.GotoAsync(at("/runs/new"));
        await page.WaitForURLAsync(url => url.Contains("/sign-in?returnUrl=%2Fruns%2Fnew", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("This lab runs in local mode")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("sign-in-required");

        // A key that is not one of the lab's: 401, a clear error, no session.
        await page.GetByLabel("API key").FillAsync("lsk_" + new string('Q', 43));
        var refused = await page.RunAndWaitForResponseAsync(() => SubmitAsync(page), r => r.Request.Method == "POST");
        Assert.Equal(401, refused.Status);
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("not an active key");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == LabSession.CookieName);

        // The reader: back on the run form, whose start button is disabled with the reason.
        await page.GetByLabel("API key").FillAsync(readerKey);
        await SubmitAsync(page);
        await page.WaitForURLAsync(url => url.EndsWith("/runs/new", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("rita · reader");
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == LabSession.CookieName);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain(readerKey, session.Value, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start run" })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-requires-role=analyst]")).ToHaveAttributeAsync("title", "Requires the analyst role");
        await page.ScreenshotAsync("run-new-reader");

        // The server still enforces it: the same POST the form would send, forced from the page with the session.
        var forced = await page.EvaluateAsync<int>(
            "async body => (await fetch('/api/v1/runs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status",
            AdvancementRequest);
        Assert.Equal(403, forced);

        // Sign out: back to the sign-in page, and the session is gone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/sign-in", StringComparison.Ordinal));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == LabSession.CookieName);

        // The analyst starts a run from the form and sees it.
        await page.GotoAsync(at("/sign-in?returnUrl=%2Fruns%2Fnew"));
        await page.GetByLabel("API key").FillAsync(analystKey);
        await SubmitAsync(page);
        await page.WaitForURLAsync(url => url.EndsWith("/runs/new", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("ana · analyst");
        var runId = await page.StartAdvancementAsync(2025);
        output.WriteLine($"the analyst started {runId}");
        await page.ExpectStatusAsync("succeeded");
        await Assertions.Expect(page.Locator("div:has(> dt:text-is('Created by')) > dd")).ToHaveTextAsync("ana");
        await page.ScreenshotAsync("run-started-by-analyst");

        // The audit trail, read with an admin key: the analyst's start is its one row; the reader's refused POST is none.
        using (var admin = new HttpClient { BaseAddress = lab.BaseAddress })
        {
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LabKeys.CreateAsync(lab, "auditor", "admin"));
            var rows = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/audit"))!["items"]!.AsArray()
                .Select(r => (r!["actor"]!.GetValue<string>(), r["method"]!.GetValue<string>(), r["route"]!.GetValue<string>(), r["targetId"]?.GetValue<string>()));
            Assert.Equal([("ana", "UI", "/runs/new", runId)], rows);
        }

        // Signing out asks for a key again, even for the page just seen.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/sign-in", StringComparison.Ordinal));
        await page.GotoAsync(at($"/runs/{runId}"));
        await page.WaitForURLAsync(url => url.Contains("/sign-in?returnUrl=", StringComparison.Ordinal));
    }

    private static Task SubmitAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
}
