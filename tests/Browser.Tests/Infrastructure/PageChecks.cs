using System.Runtime.CompilerServices;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Infrastructure;

/// <summary>
/// What every page must pass: axe-core with no serious or critical violation, no Content-Security-Policy violation
/// in the console, a screenshot kept as test output.
/// </summary>
public static class PageChecks
{
    private static readonly ConditionalWeakTable<IPage, List<string>> CspViolations = [];

    /// <summary>Collects the page's console messages about CSP violations (Chromium logs each blocked script, style or connection).</summary>
    public static IPage WatchForCspViolations(this IPage page)
    {
        var violations = CspViolations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        return page;
    }

    /// <summary>Fails on any CSP violation the page has logged so far (the UI's policy must let Blazor and MudBlazor work untouched).</summary>
    public static void AssertNoCspViolations(this IPage page)
    {
        if (CspViolations.TryGetValue(page, out var violations))
        {
            lock (violations)
            {
                Assert.True(violations.Count == 0, $"CSP violations on {page.Url}:\n" + string.Join("\n", violations));
            }
        }
    }

    /// <summary>
    /// Waits until the page has rendered interactively (the circuit is live; MainLayout marks it), so clicks reach the
    /// server instead of posting a prerendered form.
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page) =>
        await page.Locator("main[data-interactive=true]").WaitForAsync();

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // The circuit re-renders the head when it connects (the title is briefly gone) and may still be drawing:
        // a violation must still be there a moment later to count, so a passing state is never masked.
        await page.WaitForFunctionAsync("() => document.title.length > 0");
        var serious = await SeriousViolationsAsync(page);
        if (serious.Count > 0)
        {
            await page.WaitForTimeoutAsync(1000);
            serious = await SeriousViolationsAsync(page);
        }

        Assert.True(serious.Count == 0, $"axe violations on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        page.AssertNoCspViolations();
    }

    private static async Task<List<Deque.AxeCore.Commons.AxeResultItem>> SeriousViolationsAsync(IPage page) =>
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToList();

    /// <summary>A full-page screenshot under TestResults/screenshots; with <c>LABSANDBOX_WRITE_SCREENSHOTS=1</c> also the viewport into docs/screenshots when <paramref name="forDocs"/>.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name, bool forDocs = false)
    {
        Directory.CreateDirectory(RepoPaths.ScreenshotOutput);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.ScreenshotOutput, name + ".png"), bytes);
        if (forDocs && Environment.GetEnvironmentVariable("LABSANDBOX_WRITE_SCREENSHOTS") == "1")
        {
            // The README shows what a user sees first: the viewport, not the whole scrolled page.
            Directory.CreateDirectory(RepoPaths.DocsScreenshots);
            await File.WriteAllBytesAsync(Path.Combine(RepoPaths.DocsScreenshots, name + ".png"), await page.ScreenshotAsync());
        }
    }

    /// <summary>True when the main content is no wider than the viewport (wide tables scroll inside their own box).</summary>
    public static async Task AssertNoHorizontalScrollAsync(this IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls horizontally by {overflow}px at width {page.ViewportSize?.Width}");
    }
}
