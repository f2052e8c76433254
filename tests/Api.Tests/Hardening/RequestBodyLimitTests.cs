using System.Net;
using System.Text;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>
/// The request-body cap (1 MiB by default, <c>LabSandbox:Api:MaxRequestBodyBytes</c>): a body over it is a 413 with
/// problem details and writes nothing, whether it declares its length or streams in chunks.
/// </summary>
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    private const int Limit = 4096;

    private readonly LabApiFactory _default = new();
    private readonly LabApiFactory _small = new(new Dictionary<string, string?> { ["LabSandbox:Api:MaxRequestBodyBytes"] = Limit.ToString() });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _default.DisposeAsync();
        await _small.DisposeAsync();
    }

    [Fact]
    public async Task A_body_over_one_MiB_is_a_413_by_default_and_writes_nothing()
    {
        var http = _default.CreateClient();
        var writes = _default.Storage!.WritesByState;
        var problem = await (await http.PostBytesAsync("/api/v1/runs", PaddedRun(1024 * 1024 + 1))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1048576 bytes", problem["detail"]!.GetValue<string>());

        // Just under the cap the body is read: the request reader names the padding as an unknown field.
        var read = await (await http.PostBytesAsync("/api/v1/runs", PaddedRun(1024 * 1024))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("padding", read["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(writes, _default.Storage.WritesByState);
    }

    [Fact]
    public async Task The_cap_is_configurable_and_holds_for_declared_and_chunked_bodies()
    {
        var http = _small.CreateClient();
        var writes = _small.Storage!.WritesByState;

        await (await http.PostBytesAsync("/api/v1/sandbox/cohorts", PaddedRun(Limit + 1))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        // No Content-Length: the body arrives as a stream and is cut off once it passes the cap.
        var chunked = new StreamContent(new MemoryStream(PaddedRun(Limit * 3)));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/lab/candidates/generate") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var problem = await (await http.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{Limit} bytes", problem["detail"]!.GetValue<string>());

        // Idempotency-Key hashes the body before anything else reads it: the cap holds there too, and no key is claimed.
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = new StreamContent(new MemoryStream(PaddedRun(Limit * 2))) };
        keyed.Content.Headers.ContentType = new("application/json");
        keyed.Headers.TransferEncodingChunked = true;
        keyed.Headers.Add("Idempotency-Key", "limit-test-1");
        await (await http.SendAsync(keyed)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var small = await (await http.PostBytesAsync("/api/v1/runs", PaddedRun(Limit))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("padding", small["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(writes, _small.Storage.WritesByState);
    }

    /// <summary>An advancement request padded with an unknown field to exactly <paramref name="bytes"/> bytes.</summary>
    private static byte[] PaddedRun(int bytes)
    {
        const string head = "{\"kind\":\"advancement\",\"tournamentId\":\"ncaa-2017\",\"startingState\":\"pre_tournament\",\"padding\":\"";
        const string tail = "\"}";
        return Encoding.UTF8.GetBytes(head + new string('x', bytes - head.Length - tail.Length) + tail);
    }
}
