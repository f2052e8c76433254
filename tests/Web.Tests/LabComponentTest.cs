using Bunit;
using Xunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LabSandbox.Web.Tests;

/// <summary>
/// A bUnit context with MudBlazor's services; MudBlazor's own JavaScript calls are answered loosely (they only
/// measure and focus), while a test can still set up and verify the calls that matter, such as downloads.
/// Disposed asynchronously (<see cref="IAsyncLifetime"/>): several MudBlazor services are only IAsyncDisposable.
/// </summary>
public abstract class LabComponentTest : BunitContext, IAsyncLifetime
{
    protected LabComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
