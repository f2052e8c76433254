using Bunit;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Api.Features.Datasets.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Datasets;

public sealed class BracketTests : LabComponentTest
{
    [Fact]
    public void The_bracket_pairs_seeds_the_NCAA_way_and_follows_real_progress_to_the_champion()
    {
        var bracket = BracketView.From(DatasetTestData.Tournament());

        Assert.Equal(4, bracket.FirstFour.Count);
        Assert.All(bracket.FirstFour, g => Assert.EndsWith("a", g.Winner!.TeamId));
        var east = bracket.Regions.Single(r => r.Region == "East");
        Assert.Equal(["Round of 64", "Round of 32", "Sweet 16", "Elite Eight"], east.Rounds.Select(r => r.Name));
        Assert.Equal([8, 4, 2, 1], east.Rounds.Select(r => r.Games.Count));
        var firstGames = east.Rounds[0].Games.Select(g => (g.Top!.Seed, g.Bottom!.Seed));
        Assert.Equal([(1, 16), (8, 9), (5, 12), (4, 13), (6, 11), (3, 14), (7, 10), (2, 15)], firstGames);
        Assert.Equal("east-16a", east.Rounds[0].Games[0].Bottom!.TeamId);
        Assert.Equal("east-1", east.Rounds[3].Games[0].Winner!.TeamId);
        Assert.Equal(["east-1", "south-1"], bracket.FinalRounds[0].Games.Select(g => g.Winner!.TeamId));
        Assert.Equal("east-1", bracket.Champion!.TeamId);
    }

    [Fact]
    public void Games_without_a_result_in_the_data_have_no_winner()
    {
        var bracket = BracketView.From(DatasetTestData.Tournament(complete: false));

        Assert.All(bracket.FirstFour, g => Assert.Null(g.Winner));
        Assert.Null(bracket.Regions[0].Rounds[0].Games[0].Bottom);
        Assert.Null(bracket.Champion);
    }

    [Fact]
    public void The_view_shows_every_region_and_marks_winners_in_text()
    {
        var cut = Render<TournamentBracketView>(p => p.Add(x => x.Bracket, BracketView.From(DatasetTestData.Tournament())));

        Assert.Contains("Champion: East 1 (East, seed 1).", cut.Markup.Replace("<strong>", "").Replace("</strong>", ""));
        Assert.Equal(["First Four", "East region", "Midwest region", "South region", "West region", "Final Four and championship"],
            cut.FindAll("h3").Select(h => h.TextContent));
        // 4 First Four + 60 regional + 3 final games, each with one winner said in words.
        Assert.Equal(67, cut.FindAll(".lab-won").Count);
        Assert.Equal(67, cut.FindAll(".visually-hidden").Count(e => e.TextContent == "(won)"));
    }

    [Fact]
    public void An_unplayed_game_says_to_be_decided()
    {
        var cut = Render<TournamentBracketView>(p => p.Add(x => x.Bracket, BracketView.From(DatasetTestData.Tournament(complete: false))));

        Assert.Contains("The data has no champion yet", cut.Markup);
        Assert.NotEmpty(cut.FindAll(".lab-tbd"));
        Assert.Empty(cut.FindAll(".lab-won"));
    }
}
