using System.Net;
using System.Text.RegularExpressions;
using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.OpenApi;

/// <summary>The interactive reference at <c>/api/docs</c> works offline: its page loads scripts only from this API.</summary>
public sealed partial class ReferencePageTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    [Fact]
    public async Task The_reference_page_is_served_with_its_bundled_script_and_no_cdn()
    {
        var http = fixture.Http;
        using var page = await http.GetAsync("/api/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var scripts = ScriptSources().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.DoesNotContain("://", src, StringComparison.Ordinal));
        foreach (var src in scripts)
        {
            using var script = await http.GetAsync(new Uri(new Uri(http.BaseAddress!, "/api/docs/"), src));
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{src}: {(int)script.StatusCode}");
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 0, src);
        }
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();
}
