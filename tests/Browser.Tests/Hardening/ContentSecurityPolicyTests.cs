using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Hardening;

/// <summary>
/// The pages work under their Content-Security-Policy in a real browser: the UI (Blazor Server's circuit, MudBlazor's
/// script and inline styles) and the API reference page (Scalar, allowed by its per-request nonce), with no violation
/// logged. Every other page is checked for violations by <see cref="PageChecks.AssertAccessibleAsync"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserLab lab)
{
    [Fact]
    public async Task The_UI_runs_interactively_under_its_policy()
    {
        var page = await lab.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.StartsWith("default-src 'self'; script-src 'self';", await response!.HeaderValueAsync("content-security-policy"));
        await page.WaitForInteractiveAsync();

        // An interactive click goes over the circuit's WebSocket (connect-src 'self') and renders the runs page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/runs**");
        await page.WaitForInteractiveAsync();
        page.AssertNoCspViolations();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_API_reference_page_renders_under_its_nonce_policy()
    {
        var page = await lab.NewPageAsync();
        var response = await page.GotoAsync("/api/docs");
        Assert.Contains("'nonce-", await response!.HeaderValueAsync("content-security-policy"));
        // Scalar's script ran: it fetched the document (connect-src 'self') and drew the operations from it.
        await Assertions.Expect(page.GetByText("Readiness").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Download OpenAPI Document").First).ToBeVisibleAsync();
        page.AssertNoCspViolations();
        await page.Context.CloseAsync();
    }
}
