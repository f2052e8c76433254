using LabSandbox.Api.Client.Generated;
using LabSandbox.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LabSandbox.Api.Client.Tests.Infrastructure;

/// <summary>
/// The API as <c>dotnet run</c> starts it (embedded silo, in-memory storage) on the test server, with its own
/// cluster id, loopback silo ports and artifact folder, so it never meets another test's cluster.
/// </summary>
public sealed class ClientApiFactory : WebApplicationFactory<Program>
{
    private static int s_instances;
    private readonly string _id = $"api-client-test-{Interlocked.Increment(ref s_instances)}-{Environment.ProcessId}";

    private string ArtifactRoot => Path.Combine(Path.GetTempPath(), "labsandbox-tests", _id);

    /// <summary>The client generated from docs/api/openapi-v1.json, over the in-process server.</summary>
    public LabApiClient CreateLabClient(TimeSpan? timeout = null)
    {
        var http = CreateClient();
        http.Timeout = timeout ?? TimeSpan.FromMinutes(2);
        return new LabApiClient(http);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("LabSandbox:ClusterId", _id);
        builder.UseSetting("LabSandbox:ServiceId", _id);
        builder.UseSetting("LabSandbox:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("LabSandbox:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting("LabSandbox:ArtifactRoot", ArtifactRoot);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(ArtifactRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
