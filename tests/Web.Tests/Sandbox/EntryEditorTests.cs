using Bunit;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Features.Sandbox.Components;
using LabSandbox.Grains.Interfaces.Datasets;
using Xunit;
using static LabSandbox.Web.Tests.Sandbox.SandboxFixtures;

namespace LabSandbox.Web.Tests.Sandbox;

public sealed class EntryEditorTests : LabComponentTest
{
    private static readonly IReadOnlyList<TournamentTeam> Teams =
    [
        new("duke", "Duke", 1, "East", false, 0, 0, 0, false, 30),
        new("houston", "Houston", 1, "Midwest", false, 0, 0, 0, false, 29),
        new("florida", "Florida", 1, "West", false, 0, 0, 0, false, 28),
    ];

    [Fact]
    public void The_grains_field_errors_show_next_to_the_bids_and_the_key_readably()
    {
        var problem = new FormProblem(null, new Dictionary<string, string[]>
        {
            ["bids"] = ["A bid is 1 to 50 points; 'duke' has 60.", "Bids total at most 100 points; this entry totals 120."],
            ["entryKey"] = ["An entry key is 1–64 letters, digits, '_', '-' or '.', starting with a letter or digit."],
        });

        var cut = Render<EntryEditor>(p => p.Add(x => x.Rules, Rules).Add(x => x.Teams, Teams).Add(x => x.Problem, problem));

        var bids = cut.Find("#entry-bids-error");
        Assert.Equal("alert", bids.GetAttribute("role"));
        Assert.Contains("'duke' has 60.", bids.TextContent);
        Assert.Contains("this entry totals 120.", bids.TextContent);
        Assert.Contains("An entry key is 1–64 letters", cut.Markup);
        Assert.DoesNotContain("Exception", cut.Markup);
        // Every field error has its place, so no extra alert repeats them.
        Assert.DoesNotContain("The entry was not saved", cut.Markup);
    }

    [Fact]
    public void A_refusal_without_a_field_is_a_readable_alert()
    {
        var problem = new FormProblem("Synthetic calcutta 'syn-test' has no entry 'P009'.", new Dictionary<string, string[]>());

        var cut = Render<EntryEditor>(p => p.Add(x => x.Rules, Rules).Add(x => x.Problem, problem).Add(x => x.IsNew, false).Add(x => x.EntryKey, "P009"));

        Assert.Contains("The entry was not saved", cut.Find("[role=alert]").TextContent);
        Assert.Contains("has no entry 'P009'", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void Editing_starts_from_the_entrys_bids_and_saves_what_was_typed_team_by_team()
    {
        (string? Key, IReadOnlyList<EntryBid> Bids)? saved = null;
        var cut = Render<EntryEditor>(p => p.Add(x => x.Rules, Rules).Add(x => x.Teams, Teams).Add(x => x.IsNew, false).Add(x => x.EntryKey, "P001")
            .Add(x => x.Bids, [new EntryBid("duke", 40), new EntryBid("houston", 30), new EntryBid("florida", 30)])
            .Add(x => x.OnSave, e => saved = e));

        Assert.Contains("Edit entry P001", cut.Markup);
        cut.Find("#bid-points-0").Input("50");
        cut.Find("#bid-team-2").Change("");
        cut.FindAll("button").Single(b => b.TextContent == "Save bids").Click();

        Assert.Equal("P001", saved!.Value.Key);
        Assert.Equal([new EntryBid("duke", 50), new EntryBid("houston", 30)], saved.Value.Bids);
    }

    [Fact]
    public void A_new_entry_starts_with_as_many_team_rows_as_the_rules_require()
    {
        var cut = Render<EntryEditor>(p => p.Add(x => x.Rules, Rules).Add(x => x.Teams, Teams));

        Assert.Equal(3, cut.FindAll("select[id^=bid-team-]").Count);
        Assert.Contains("3 to 10 teams, 1 to 50 points each, at most 100 points in all.", cut.Markup);
    }

    [Fact]
    public void Form_problems_cover_a_fields_parts_and_keep_the_others()
    {
        var problem = new FormProblem(null, new Dictionary<string, string[]> { ["bids[0].teamId"] = ["unknown team"], ["bidsExtra"] = ["x"], ["nSims"] = ["too many"] });

        Assert.Equal(["unknown team"], problem.For("bids"));
        Assert.Equal(["x", "too many"], problem.Other("bids"));
    }
}
