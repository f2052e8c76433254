using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LabSandbox.Browser.Tests.Runs;

/// <summary>What a user does on the Runs pages, by clicking and typing only.</summary>
internal static class RunPages
{
    /// <summary>Opens a MudSelect by its label and clicks the option with this text.</summary>
    public static async Task ChooseAsync(this IPage page, string label, string option)
    {
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = option }).First.ClickAsync();
    }

    /// <summary>On /runs/new (already open): starts an advancement run of a year and waits for its page.</summary>
    public static async Task<string> StartAdvancementAsync(this IPage page, int year)
    {
        await page.ChooseAsync("Kind", "advancement");
        await page.ChooseAsync("Tournament", $"{year} (ncaa-{year})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        return await page.WaitForRunPageAsync();
    }

    /// <summary>Waits until the browser shows a run's page and returns its id.</summary>
    public static async Task<string> WaitForRunPageAsync(this IPage page)
    {
        await page.WaitForURLAsync(url => url.Contains("/runs/run-", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Run run-");
        await page.WaitForInteractiveAsync();
        return page.Url[(page.Url.LastIndexOf('/') + 1)..];
    }

    /// <summary>The status chip in the run's facts.</summary>
    public static ILocator Status(this IPage page) => page.Locator(".run-facts .mud-chip");

    public static async Task ExpectStatusAsync(this IPage page, string text, float timeoutMs = 60_000) =>
        await Assertions.Expect(page.Status()).ToContainTextAsync(text, new() { Timeout = timeoutMs });

    public static ILocator TimelineItem(this IPage page, string kind) => page.Locator($".run-event[data-event-kind={kind}]");

    /// <summary>Presses an action, then the same-named button of its confirmation dialog.</summary>
    public static async Task ConfirmActionAsync(this IPage page, string action, string confirm)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Run actions" }).GetByRole(AriaRole.Button, new() { Name = action }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = confirm, Exact = true }).ClickAsync();
    }
}
