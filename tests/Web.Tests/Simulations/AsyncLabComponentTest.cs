using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

/// <summary>
/// Disposes the bUnit context asynchronously: MudBlazor's key interceptor (used by its inputs and progress bars) is
/// only <see cref="IAsyncDisposable"/>, and a synchronous dispose of the container then throws.
/// </summary>
public abstract class AsyncLabComponentTest : LabComponentTest, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
