namespace LabSandbox.Web.Tests.Runs;

/// <summary>
/// MudChip (in RunStatusChip) registers MudBlazor's KeyInterceptorService, which can only be disposed asynchronously,
/// while xunit 2 disposes a test class synchronously: dispose the context the asynchronous way instead.
/// </summary>
public abstract class AsyncDisposingComponentTest : LabComponentTest
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        base.Dispose(disposing);
    }
}
