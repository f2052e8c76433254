using LabSandbox.Api.Tests.Infrastructure;
using Xunit;

namespace LabSandbox.Api.Tests.OpenApi;

/// <summary>
/// <c>docs/api/openapi-v1.json</c> is the served document, byte for byte (line endings aside): clients are generated
/// from the committed file, so a change to the API must change it too. Set <c>LABSANDBOX_WRITE_OPENAPI=1</c> to
/// rewrite the file from the served document.
/// </summary>
public sealed class CommittedDocumentTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private static readonly string CommittedPath = Path.Combine(RepoPaths.Root, "docs", "api", "openapi-v1.json");

    [Fact]
    public async Task The_committed_document_is_the_served_one()
    {
        var served = Normalize(await fixture.Http.GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable("LABSANDBOX_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
        }

        var committed = File.Exists(CommittedPath) ? Normalize(await File.ReadAllTextAsync(CommittedPath)) : "(missing)";
        Assert.True(committed == served,
            $"{CommittedPath} differs from GET /openapi/v1.json; regenerate it with LABSANDBOX_WRITE_OPENAPI=1 and review the diff.");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
