using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Operator;

/// <summary>
/// A lab that requires authentication, with an admin and a reader key. The admin signs in, sees the Operator group in
/// the nav, and the Orleans dashboard under <c>/operator/dashboard/</c> loads its script and renders its menu without a
/// CSP violation; the operator page renders its four panels. The reader gets the access-denied page for both, and
/// the dashboard's data endpoint answers the reader's session with no data.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorDashboardTests(BrowserLab browser)
{
    [Fact]
    public async Task The_dashboard_and_operator_page_load_for_an_admin_and_are_refused_for_a_reader()
    {
        await using var lab = await LabProcess.StartAsync(new Dictionary<string, string> { ["LabSandbox__Auth__Mode"] = "required" });
        var adminKey = await LabKeys.CreateAsync(lab, "ada", "admin");
        var readerKey = await LabKeys.CreateAsync(lab, "rita", "reader");
        var at = (string path) => new Uri(lab.BaseAddress, path).ToString();

        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, at, adminKey);
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Orleans dashboard" }).First).ToBeVisibleAsync();
        var dashboard = await admin.GotoAsync(at("/operator/dashboard/"));
        Assert.Equal(200, dashboard!.Status);
        await Assertions.Expect(admin).ToHaveTitleAsync("Orleans Dashboard");
        // The menu is rendered by the dashboard's script once it has read the cluster: the page works, not only its shell.
        await Assertions.Expect(admin.Locator("#menu a").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await admin.ScreenshotAsync("operator-dashboard-admin");
        await admin.GotoAsync(at("/operator"));
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Operator");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(
            ["Dead letters", "Retries in the last hour", "Slowest running runs", "Per silo"]);
        await admin.ScreenshotAsync("operator-page-admin");
        admin.AssertNoCspViolations();

        var reader = await browser.NewPageAsync();
        await SignInAsync(reader, at, readerKey);
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Orleans dashboard" })).ToHaveCountAsync(0);
        await reader.GotoAsync(at("/operator/dashboard/"));
        await reader.WaitForURLAsync(url => url.Contains("/access-denied", StringComparison.Ordinal));
        await Assertions.Expect(reader.GetByText("Your role does not allow this")).ToBeVisibleAsync();
        var data = await reader.EvaluateAsync<string>(
            "async () => { const r = await fetch('/operator/dashboard/DashboardCounters', { redirect: 'manual' }); return r.type + ' ' + r.status; }");
        Assert.Equal("opaqueredirect 0", data);
        await reader.GotoAsync(at("/operator"));
        await reader.WaitForInteractiveAsync();
        await Assertions.Expect(reader.GetByText("Your role does not allow this")).ToBeVisibleAsync();
        await reader.ScreenshotAsync("operator-refused-reader");
    }

    private static async Task SignInAsync(IPage page, Func<string, string> at, string key)
    {
        await page.GotoAsync(at("/sign-in?returnUrl=%2F"));
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitForInteractiveAsync();
    }
}
