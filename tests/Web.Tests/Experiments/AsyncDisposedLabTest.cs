using Xunit;

namespace LabSandbox.Web.Tests.Experiments;

/// <summary>
/// MudBlazor's input components (select, text and numeric fields) register services that only dispose
/// asynchronously; xUnit disposes a test class synchronously unless it is an <see cref="IAsyncLifetime"/>, so tests
/// that render them dispose the bUnit context asynchronously first.
/// </summary>
public abstract class AsyncDisposedLabTest : LabComponentTest, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
