using Bunit;
using LabSandbox.Api.Features.Artifacts.Components;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Artifacts;

/// <summary>The summary of an artifact's record, the tombstone of a retained one, its downloads and its used-by table.</summary>
public sealed class ArtifactRecordViewTests : LabComponentTest
{
    private static readonly DatasetRef Tournament = new(DatasetKinds.Tournament, "ncaa-2025", "sha256:" + new string('7', 64));

    private static ArtifactRecord Heavy(DateTimeOffset? deletedAt = null, string? deletedBy = null) => new(
        "art-heavy-1", "run-adv-1", "advancement", "application/x-ndjson", null, "file:///store/art-heavy-1/advancement.jsonl",
        new string('a', 64), 20_480, new Dictionary<string, string> { ["favorite"] = "duke", ["teams"] = "68" },
        new ArtifactLineage([], [Tournament]), new DateTimeOffset(2026, 11, 1, 12, 30, 0, TimeSpan.Zero), deletedAt, deletedBy,
        "file:///store/art-heavy-1/advancement.parquet");

    private static RunSnapshot Run(string id, string kind, string paramsJson = "{}") => new(
        id, new RunSpec(kind, paramsJson, "h", [Tournament], [], null, "v1"), RunStatus.Succeeded, false, 1, null, null,
        DateTimeOffset.UnixEpoch, null, null, [], 3);

    [Fact]
    public void The_summary_names_the_producing_run_with_a_link_and_every_fact_of_the_bytes()
    {
        var cut = Render<ArtifactSummary>(p => p.Add(x => x.Artifact, Heavy()).Add(x => x.Run, Run("run-adv-1", "advancement")));

        Assert.Equal("/runs/run-adv-1", cut.Find("a[href^='/runs/']").GetAttribute("href"));
        var text = cut.Find("table").TextContent;
        Assert.Contains("advancement", text);
        Assert.Contains("application/x-ndjson", text);
        Assert.Contains("20.0 KiB (20,480 bytes)", text);
        Assert.Contains(new string('a', 64), text);
        Assert.Contains("2026-11-01 12:30:00 UTC", text);
        Assert.Contains("with a Parquet copy", text);
        Assert.Contains("Favorite", text);
        Assert.Contains("duke", text);
    }

    [Fact]
    public void A_retained_artifact_shows_what_was_removed_when_and_by_which_retention_run()
    {
        var deleted = Heavy(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), "run-ret-9");

        var cut = Render<ArtifactTombstone>(p => p.Add(x => x.Artifact, deleted)
            .Add(x => x.RetentionRun, Run("run-ret-9", "retention", "{\"dryRun\":false,\"olderThanDays\":30}")));

        Assert.Equal("Removed by retention", cut.Find("h2").TextContent);
        var text = cut.Find("dl").TextContent;
        Assert.Contains("20.0 KiB (20,480 bytes) of application/x-ndjson", text);
        Assert.Contains("and its Parquet copy", text);
        Assert.Contains("file:///store/art-heavy-1/advancement.jsonl", text);
        Assert.Contains("2026-12-01 08:00:00 UTC", text);
        Assert.Equal("/runs/run-ret-9", cut.Find("dl a").GetAttribute("href"));
        Assert.Contains("older than 30 days", text);
    }

    [Fact]
    public void Download_links_are_plain_links_to_the_API_in_each_format()
    {
        var cut = Render<ArtifactDownloadLinks>(p => p.Add(x => x.ArtifactId, "art-heavy-1").Add(x => x.JsonExtension, "jsonl"));

        var links = cut.FindAll("a[download]").Select(a => (a.GetAttribute("href"), a.GetAttribute("download"), a.GetAttribute("aria-label"))).ToList();
        Assert.Equal(
        [
            ("/api/v1/artifacts/art-heavy-1/content", "art-heavy-1.jsonl", "Download artifact as JSON"),
            ("/api/v1/artifacts/art-heavy-1/content?format=csv", "art-heavy-1.csv", "Download artifact as CSV"),
            ("/api/v1/artifacts/art-heavy-1/content?format=parquet", "art-heavy-1.parquet", "Download artifact as Parquet"),
        ], links);
    }

    [Fact]
    public void The_used_by_table_lists_runs_with_links_and_pages_and_says_when_there_are_none()
    {
        var page = new ArtifactUsagePage([new ArtifactUse("run-s-1", "simulation", DateTimeOffset.UnixEpoch)], Total: 21);

        var cut = Render<ArtifactUsesTable>(p => p.Add(x => x.Page, page).Add(x => x.Offset, 20).Add(x => x.PageHref, o => $"?usedByOffset={o}"));

        Assert.Equal("/runs/run-s-1", cut.Find("tbody a").GetAttribute("href"));
        Assert.Contains("Runs 21–21 of 21", cut.Markup);
        Assert.Equal("?usedByOffset=0", cut.Find("nav a").GetAttribute("href"));

        var none = Render<ArtifactUsesTable>(p => p.Add(x => x.Page, new ArtifactUsagePage([], 0)));
        Assert.Contains("No run has pinned this artifact", none.Markup);
    }
}
