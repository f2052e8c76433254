using System.Net;
using System.Text.RegularExpressions;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.TestSupport;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// Two API hosts of one service on one database (each with its own silo, joined in one cluster, as two replicas would
/// be) share the Data Protection key ring in PostgreSQL: the session cookie and a form's antiforgery token issued by
/// one are accepted by the other. A host of another service on the same database, whose registry knows the very same
/// key, refuses both: only the key ring differs, so the refusal is the key ring's (and the shared file-system ring of
/// this machine, which all three would otherwise use, is not what the first two share).
/// </summary>
public sealed partial class SharedKeyRingTests
{
    private const string KeyName = "shared-ring";

    [Fact]
    public async Task A_session_cookie_and_an_antiforgery_token_from_one_api_are_accepted_by_another_of_the_same_service_only()
    {
        var serviceId = $"dp-ring-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        var otherServiceId = $"dp-other-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        await using var first = Host(serviceId);
        await using var second = Host(serviceId);
        await using var other = Host(otherServiceId);
        first.CreateClient().Dispose();
        second.CreateClient().Dispose();
        other.CreateClient().Dispose();
        await Eventually.WaitAsync(
            async () => (await first.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count,
            n => n == 2, "2 active silos", TimeSpan.FromSeconds(60));

        // The same key in both registries: the other service could accept the session if only it could read the cookie.
        var key = ApiKeys.Generate();
        await CreateKeyAsync(first, key);
        await CreateKeyAsync(other, key);
        foreach (var host in new[] { first, second, other })
        {
            Assert.IsType<PostgresXmlRepository>(host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        }

        // Sign in on the first host: the session cookie.
        using var viaFirst = Client(first);
        using var viaSecond = Client(second);
        using var viaOther = Client(other);
        var form = await SignInFormAsync(viaFirst, session: null);
        var signedIn = await PostSignInAsync(viaFirst, form, key);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in on the first host: {(int)signedIn.StatusCode}");
        var session = SessionCookie(signedIn);
        Assert.NotNull(session);
        Assert.True(CountRows(serviceId) >= 1, "the first host's key is in PostgreSQL");

        // The cookie on the other hosts.
        Assert.Equal(HttpStatusCode.OK, (await GetRunsAsync(viaFirst, session)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetRunsAsync(viaSecond, session)).StatusCode);
        await SecurityApi.AssertUnauthorizedAsync(await GetRunsAsync(viaOther, session), key, "another service's API with the session cookie");

        // A sign-in form rendered by the first host, posted to the others: its antiforgery token (and cookie).
        var anonymousForm = await SignInFormAsync(viaFirst, session: null);
        var onSecond = await PostSignInAsync(viaSecond, anonymousForm, key);
        Assert.True(onSecond.StatusCode == HttpStatusCode.Redirect, $"the first host's form on the second: {(int)onSecond.StatusCode}");
        Assert.NotNull(SessionCookie(onSecond));
        var onOther = await PostSignInAsync(viaOther, anonymousForm, key);
        Assert.True(onOther.StatusCode == HttpStatusCode.BadRequest, $"the first host's form on another service: {(int)onOther.StatusCode}");
        Assert.Null(SessionCookie(onOther));

        // A signed-in user's token (tied to the session) from the first host signs out on the second; not elsewhere.
        var signedInForm = await SignInFormAsync(viaFirst, session);
        var signOutOther = await PostSignOutAsync(viaOther, signedInForm, session);
        Assert.Equal(HttpStatusCode.BadRequest, signOutOther.StatusCode);
        var signOut = await PostSignOutAsync(viaSecond, signedInForm, session);
        Assert.True(signOut.StatusCode == HttpStatusCode.Redirect, $"sign-out on the second host: {(int)signOut.StatusCode}");
        Assert.Equal(SessionEndpoints.SignInPath, signOut.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_at_rest_and_still_shared()
    {
        var serviceId = $"dp-cert-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        var pfx = DataProtectionCertificateTests.WritePkcs12(withPrivateKey: true);
        try
        {
            var certificate = new Dictionary<string, string?>
            {
                [DataProtectionCertificate.PathKey] = pfx,
                [DataProtectionCertificate.PasswordKey] = DataProtectionCertificateTests.Password,
            };
            await using var first = Host(serviceId, certificate);
            await using var second = Host(serviceId, certificate);
            first.CreateClient().Dispose();
            second.CreateClient().Dispose();
            await Eventually.WaitAsync(
                async () => (await first.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count,
                n => n == 2, "2 active silos", TimeSpan.FromSeconds(60));
            var key = ApiKeys.Generate();
            await CreateKeyAsync(first, key);

            using var viaFirst = Client(first);
            using var viaSecond = Client(second);
            var signedIn = await PostSignInAsync(viaFirst, await SignInFormAsync(viaFirst, session: null), key);
            var session = SessionCookie(signedIn);
            Assert.NotNull(session);
            Assert.Equal(HttpStatusCode.OK, (await GetRunsAsync(viaSecond, session)).StatusCode);

            // The stored key holds its secret only encrypted (the plain form is a <masterKey> with a <value>).
            var stored = StoredXml(serviceId);
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.Contains("EncryptedData", xml);
                Assert.DoesNotContain("<value>", xml);
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static LabApiFactory Host(string serviceId, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString,
            ["LabSandbox:Auth:Mode"] = SecurityApi.RequiredMode,
            ["LabSandbox:ImportRealData"] = "false",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        return new LabApiFactory(settings, serviceId);
    }

    private static HttpClient Client(LabApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task CreateKeyAsync(LabApiFactory factory, string key)
    {
        var change = await factory.Services.GetRequiredService<IClusterClient>().GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key)
            .CreateAsync(KeyName, LabPolicies.Reader, ApiKeys.Hash(key), ApiKeys.Hint(key), DateTimeOffset.UnixEpoch);
        Assert.True(change.Key is not null, change.Error);
    }

    /// <summary>The sign-in page's form as one host rendered it: its hidden fields, the key field's name and the antiforgery cookie.</summary>
    private sealed record SignInForm(string AntiforgeryCookie, IReadOnlyDictionary<string, string> Hidden, string KeyField);

    private static async Task<SignInForm> SignInFormAsync(HttpClient client, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionEndpoints.SignInPath);
        if (session is not null)
        {
            request.Headers.Add("Cookie", session);
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /sign-in: {(int)response.StatusCode}");
        var antiforgery = Cookies(response).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var hidden = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            hidden[Attribute(input.Value, "name")!] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
        }

        Assert.True(hidden.ContainsKey("__RequestVerificationToken"), "the form has an antiforgery token");
        var keyField = Attribute(KeyInput().Match(html).Value, "name");
        Assert.False(string.IsNullOrEmpty(keyField), "the form has the key field");
        return new SignInForm(antiforgery, hidden, keyField!);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, SignInForm form, string key)
    {
        var fields = new Dictionary<string, string>(form.Hidden) { [form.KeyField] = key };
        using var request = new HttpRequestMessage(HttpMethod.Post, SessionEndpoints.SignInPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", form.AntiforgeryCookie);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostSignOutAsync(HttpClient client, SignInForm form, string session)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Hidden["__RequestVerificationToken"] };
        using var request = new HttpRequestMessage(HttpMethod.Post, SessionEndpoints.SignOutPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", $"{form.AntiforgeryCookie}; {session}");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetRunsAsync(HttpClient client, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/runs");
        request.Headers.Add("Cookie", session);
        return await client.SendAsync(request);
    }

    /// <summary>The session cookie(s) a response set, as one <c>Cookie</c> header value; null when none was set.</summary>
    private static string? SessionCookie(HttpResponseMessage response)
    {
        var session = Cookies(response).Where(c => c.StartsWith(LabAuthSchemes.CookieName, StringComparison.Ordinal) && !c.EndsWith('=')).ToList();
        return session.Count == 0 ? null : string.Join("; ", session);
    }

    /// <summary>Each <c>Set-Cookie</c> as <c>name=value</c>.</summary>
    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static long CountRows(string serviceId) => StoredXml(serviceId).Count;

    private static List<string> StoredXml(string serviceId)
    {
        using var dataSource = NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        using var command = dataSource.CreateCommand($"SELECT xml FROM {PostgresXmlRepository.Table} WHERE service_id = @service");
        command.Parameters.AddWithValue("service", serviceId);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<input[^>]*id=\"key\"[^>]*>")]
    private static partial Regex KeyInput();
}
