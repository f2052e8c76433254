using Bunit;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Features.Sandbox.Components;
using LabSandbox.Grains.Interfaces.Sandbox;
using Xunit;
using static LabSandbox.Web.Tests.Sandbox.SandboxFixtures;

namespace LabSandbox.Web.Tests.Sandbox;

public sealed class VersionsTests : LabComponentTest
{
    private static readonly IReadOnlyList<SyntheticCalcuttaVersionRef> History =
        [new(1, "sha256:one"), new(2, "sha256:two"), new(3, "sha256:three")];

    [Fact]
    public void Versions_are_listed_newest_first_each_with_its_digest_and_the_current_one_marked()
    {
        var cut = Render<VersionHistory>(p => p.Add(x => x.SyntheticCalcuttaId, "syn-test").Add(x => x.Versions, History).Add(x => x.CurrentDigest, "sha256:three"));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("3 (current)", rows[0].TextContent);
        Assert.Contains("sha256:three", rows[0].TextContent);
        Assert.Contains("sha256:one", rows[2].TextContent);
        Assert.Contains("first version", rows[2].TextContent);
    }

    [Fact]
    public void Against_previous_asks_for_the_version_and_the_one_before_it()
    {
        (SyntheticCalcuttaVersionRef From, SyntheticCalcuttaVersionRef To)? asked = null;
        var cut = Render<VersionHistory>(p => p.Add(x => x.SyntheticCalcuttaId, "syn-test").Add(x => x.Versions, History)
            .Add(x => x.OnDiff, pair => asked = pair));

        cut.Find("button[aria-label='Against previous: diff version 3 with version 2']").Click();

        Assert.Equal((History[1], History[2]), asked);
    }

    [Fact]
    public void Two_selected_versions_are_diffed_oldest_first_and_the_button_waits_for_two()
    {
        (SyntheticCalcuttaVersionRef From, SyntheticCalcuttaVersionRef To)? asked = null;
        var cut = Render<VersionHistory>(p => p.Add(x => x.SyntheticCalcuttaId, "syn-test").Add(x => x.Versions, History)
            .Add(x => x.OnDiff, pair => asked = pair));
        var diffSelected = () => cut.FindAll("button").Single(b => b.TextContent.Contains("Diff the two selected"));

        Assert.True(diffSelected().HasAttribute("disabled"));
        cut.Find("#version-pick-2").Change(true);
        cut.Find("#version-pick-0").Change(true);
        diffSelected().Click();

        Assert.Equal((History[0], History[2]), asked);
    }

    [Fact]
    public void A_diff_names_added_removed_and_changed_entries_with_their_bids_and_the_settings_that_moved()
    {
        var before = Snapshot(1, entries: [Entry("P001", ("duke", 40), ("houston", 30), ("florida", 30)), Entry("P002", ("auburn", 50), ("houston", 50))]);
        var after = Snapshot(2, focus: "cand-1", excluded: "P001",
            entries: [Entry("P001", ("duke", 45), ("houston", 25), ("florida", 30)), Candidate("cand-1", ("tennessee", 100))]);

        var diff = VersionDiff.Between(before, after);

        // Entries in ordinal key order (upper-case first), as the grain keeps them.
        Assert.Equal(["P001 changed", "P002 removed", "cand-1 added"], diff.Entries.Select(e => $"{e.EntryKey} {e.Change}"));
        Assert.Equal([new BidChange("duke", 40, 45), new BidChange("houston", 30, 25)], diff.Entries[0].Bids);
        Assert.Equal([new SettingChange("Focus candidate", null, "cand-1"), new SettingChange("Excluded entry", null, "P001")], diff.Settings);

        var cut = Render<VersionDiffView>(p => p.Add(x => x.Diff, diff));
        Assert.Contains("Version 1 → version 2", cut.Markup);
        Assert.Contains("1 added, 1 removed, 1 changed", cut.Find("[role=region]").TextContent);
        Assert.Contains("duke 40 → 45", cut.Markup);
        Assert.Contains("tennessee – → 100", cut.Markup);
    }

    [Fact]
    public void Two_versions_with_the_same_content_have_no_difference()
    {
        var cut = Render<VersionDiffView>(p => p.Add(x => x.Diff, VersionDiff.Between(Snapshot(1), Snapshot(2))));

        Assert.Contains("No difference", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }
}
