using Microsoft.JSInterop;

namespace LabSandbox.Api.Components.Shared;

/// <summary>Hands bytes made on the server to the browser as a file download (wwwroot/js/lab.js).</summary>
public static class BrowserDownload
{
    public static async Task SendAsync(IJSRuntime js, string fileName, string contentType, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("labDownload", fileName, contentType, reference);
    }
}
