using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>Keys for tests (created straight in the registry, as the <c>keys</c> command does) and clients that send them.</summary>
public static class SecurityApi
{
    public const string RequiredMode = "required";

    /// <summary>Creates a key in the registry; returns the key text.</summary>
    public static async Task<string> CreateKeyAsync(IGrainFactory grains, string name, string role)
    {
        var key = ApiKeys.Generate();
        var change = await grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key)
            .CreateAsync(name, role, ApiKeys.Hash(key), ApiKeys.Hint(key), DateTimeOffset.UnixEpoch);
        Assert.True(change.Key is not null, change.Error);
        return key;
    }

    public static async Task RevokeAsync(IGrainFactory grains, string name)
    {
        var change = await grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key).RevokeAsync(name, DateTimeOffset.UnixEpoch);
        Assert.True(change.Key is not null, change.Error);
    }

    /// <summary>A client of the factory that sends <paramref name="key"/> as a bearer token (none when null).</summary>
    public static HttpClient ClientWith<TEntry>(this WebApplicationFactory<TEntry> factory, string? key)
        where TEntry : class
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    /// <summary>Asserts a 401 problem with the bearer challenge, and that the response does not echo the key.</summary>
    public static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string? key, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer realm=\"labsandbox\"", response.Headers.WwwAuthenticate.ToString());
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Equal("Authentication required", problem["title"]!.GetValue<string>());
        Assert.Contains("Authorization: Bearer <key>", problem["detail"]!.GetValue<string>());
        if (key is not null)
        {
            Assert.DoesNotContain(key, body);
            Assert.DoesNotContain(key[ApiKeys.Prefix.Length..], response.Headers.ToString());
        }
    }

    /// <summary>Asserts a 403 problem naming the role needed.</summary>
    public static async Task AssertForbiddenAsync(HttpResponseMessage response, string requiredRole, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(403, problem["status"]!.GetValue<int>());
        Assert.Contains($"'{requiredRole}'", problem["detail"]!.GetValue<string>());
    }
}
