using LabSandbox.Grains.Engine.Advancement;

namespace LabSandbox.Engine.Tests;

public sealed class StartingStateTests
{
    [Theory]
    [InlineData("pre_tournament", 0)]
    [InlineData("post_first_four", 1)]
    [InlineData("through_round:1", 1)]
    [InlineData("through_round:4", 4)]
    [InlineData("through_round:7", 7)]
    public void Canonical_spellings_parse_and_round_trip(string text, int lockedThroughRound)
    {
        Assert.True(StartingState.TryParse(text, out var state, out var error), error);
        Assert.Null(error);
        Assert.Equal(lockedThroughRound, state.LockedThroughRound);
        Assert.Equal(text, state.ToString());
        Assert.Equal(state, StartingState.Parse(state.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("through_round:0")]
    [InlineData("through_round:8")]
    [InlineData("through_round:x")]
    [InlineData("through_round:")]
    [InlineData("through_round:01")]
    [InlineData("through_round:+1")]
    [InlineData("through_round:-1")]
    [InlineData("through_round:10")]
    [InlineData("through_round 3")]
    [InlineData("through_round=3")]
    [InlineData("Through_Round:3")]
    [InlineData("PRE_TOURNAMENT")]
    [InlineData(" pre_tournament")]
    [InlineData("pre_tournament ")]
    [InlineData("pre-tournament")]
    [InlineData("post_first_4")]
    [InlineData("first_four")]
    public void Other_spellings_are_rejected_with_a_reason(string? text)
    {
        Assert.False(StartingState.TryParse(text, out var state, out var error));
        Assert.Equal(default, state);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains("through_round", error);
        Assert.Throws<FormatException>(() => StartingState.Parse(text));
    }

    [Fact]
    public void Post_first_four_locks_round_one_but_keeps_its_spelling()
    {
        Assert.Equal(1, StartingState.PostFirstFour.LockedThroughRound);
        Assert.Equal("post_first_four", StartingState.PostFirstFour.ToString());
        Assert.Equal("through_round:1", StartingState.ThroughRound(1).ToString());
        Assert.NotEqual(StartingState.PostFirstFour, StartingState.ThroughRound(1));
    }

    [Fact]
    public void Default_is_pre_tournament()
    {
        Assert.Equal(StartingState.PreTournament, default);
        Assert.Equal(0, default(StartingState).LockedThroughRound);
        Assert.Equal("pre_tournament", default(StartingState).ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Through_round_factory_validates_the_round(int round) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StartingState.ThroughRound(round));
}
