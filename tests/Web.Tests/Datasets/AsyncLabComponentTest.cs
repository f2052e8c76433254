using Xunit;

namespace LabSandbox.Web.Tests.Datasets;

/// <summary>
/// A <see cref="LabComponentTest"/> disposed asynchronously: MudBlazor's chips and buttons register a key interceptor
/// that only supports async disposal, which xUnit's synchronous <c>Dispose</c> cannot do.
/// </summary>
public abstract class AsyncLabComponentTest : LabComponentTest, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
