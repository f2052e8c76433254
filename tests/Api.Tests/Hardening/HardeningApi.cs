using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>Small helpers of the hardened-surface tests: raw bodies, and the problem-details answer they must get.</summary>
public static class HardeningApi
{
    /// <summary>A POST of exactly these bytes as <c>application/json</c> (no re-encoding on the way).</summary>
    public static Task<HttpResponseMessage> PostBytesAsync(this HttpClient http, string path, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return http.PostAsync(path, content);
    }

    /// <summary>Asserts <paramref name="status"/> with an <c>application/problem+json</c> body of that status; returns the body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
