using Microsoft.Playwright;

namespace LabSandbox.Browser.Tests.Simulations;

public static class SimulationPageChecks
{
    /// <summary>
    /// Waits until the page's circuit is live: the simulation pages mark it (<c>data-interactive="true"</c>), since a
    /// prerendered page already has Blazor's script and layout before a click would reach the server.
    /// </summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
}
