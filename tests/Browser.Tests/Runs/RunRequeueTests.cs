using LabSandbox.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Browser.Tests.Runs;

/// <summary>
/// A run dead-letters when its attempts are spent on retryable failures (INV-10). This test starts its own lab whose
/// artifact store cannot be written (its folder lies under a plain file, as on a broken or misconfigured disk) and
/// which allows two attempts: an advancement run, whose report goes to the store, fails twice with an I/O error and
/// is dead-lettered. The operator repairs the disk, then requeues the run from its page, and it succeeds.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RunRequeueTests(BrowserLab lab, ITestOutputHelper output)
{
    [Fact]
    public async Task A_dead_lettered_run_is_requeued_from_its_page_after_a_confirmation_and_runs_again()
    {
        var root = Directory.CreateTempSubdirectory("labsandbox-requeue-").FullName;
        var blocker = Path.Combine(root, "disk");
        await File.WriteAllTextAsync(blocker, "a plain file where the artifact folder should be");
        await using var brokenLab = await LabProcess.StartAsync(new Dictionary<string, string>
        {
            ["LabSandbox__ArtifactRoot"] = Path.Combine(blocker, "artifacts"),
            ["LabSandbox__Runs__MaxAttempts"] = "2",
            ["LabSandbox__Runs__RetryBaseDelay"] = "00:00:00.500",
        });
        var page = await lab.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(brokenLab.BaseAddress, "/runs/new").ToString());
            await page.WaitForInteractiveAsync();
            var runId = await page.StartAdvancementAsync(2025);
            output.WriteLine($"run {runId} on a lab whose artifact store cannot be written");

            await page.ExpectStatusAsync("dead-lettered");
            await Assertions.Expect(page.TimelineItem("retry")).ToContainTextAsync("Error:");
            await Assertions.Expect(page.TimelineItem("retry")).ToContainTextAsync("delay of");
            await Assertions.Expect(page.TimelineItem("deadlettered")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("run-detail-dead-lettered");

            // The dead letter is in the catalog's dead-letter filter too.
            await page.GotoAsync(new Uri(brokenLab.BaseAddress, "/runs").ToString());
            await page.WaitForInteractiveAsync();
            await page.ChooseAsync("Dead-lettered", "Dead-lettered only");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("deadLettered=true", StringComparison.Ordinal));
            await page.Locator($"tr[data-run-id='{runId}'] a").ClickAsync();
            await page.WaitForRunPageAsync();
            await page.WaitForInteractiveAsync();

            // The disk is repaired; the run gets its second chance.
            File.Delete(blocker);
            await page.ConfirmActionAsync("Requeue", "Requeue");
            await Assertions.Expect(page.TimelineItem("requeued")).ToBeVisibleAsync();
            await page.ExpectStatusAsync("succeeded");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Requeue" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#run-artifacts ~ ul a").First).ToBeVisibleAsync();
            await page.ScreenshotAsync("run-detail-requeued");
        }
        finally
        {
            await page.Context.CloseAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
