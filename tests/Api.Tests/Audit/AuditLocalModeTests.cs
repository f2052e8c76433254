using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Security;
using Xunit;
using static LabSandbox.Api.Tests.Audit.AuditApi;

namespace LabSandbox.Api.Tests.Audit;

/// <summary>
/// Local mode (the embedded default on loopback, no authentication): a write without a key is recorded with the actor
/// "local", the name its principal carries.
/// </summary>
public sealed class AuditLocalModeTests
{
    [Fact]
    public async Task A_write_without_a_key_in_local_mode_is_recorded_as_local()
    {
        await using var factory = new LabApiFactory(services: ParkedRunKind.Register);
        using var http = factory.ClientWith(key: null);

        var created = await http.SendAsync(HttpMethod.Post, "/api/v1/runs", key: null, ParkedRunKind.Request("local"));
        Assert.Equal(HttpStatusCode.Accepted, created.Status);

        var rows = await http.ReadAllAsync();
        Assert.Equal([new Row("local", "POST", "/api/v1/runs", created.Text("runId"), 202)], rows.Select(RowOf));
    }
}
