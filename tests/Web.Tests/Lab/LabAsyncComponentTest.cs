using Xunit;

namespace LabSandbox.Web.Tests.Lab;

/// <summary>
/// MudBlazor's input and popover services are only asynchronously disposable, and xUnit 2 disposes a test class
/// synchronously: this disposes the bUnit context asynchronously first, so tests that render MudSelect and friends end cleanly.
/// </summary>
public abstract class LabAsyncComponentTest : LabComponentTest, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
