using LabSandbox.Grains.Engine.Advancement;

namespace LabSandbox.Engine.Tests;

public sealed class WinModelTests
{
    [Fact]
    public void Logistic_in_the_rating_difference()
    {
        var model = new KenPomLogisticModel();

        Assert.Equal(10.0, model.Sigma);
        Assert.Equal(0.5, model.WinProbability(12.3, 12.3));
        Assert.Equal(1.0 / (1.0 + Math.Exp(-1.0)), model.WinProbability(25, 15), 15);
        Assert.Equal(1.0, model.WinProbability(25, 15) + model.WinProbability(15, 25), 15);
        Assert.Equal(1.0 / (1.0 + Math.Exp(-2.0)), new KenPomLogisticModel(5).WinProbability(25, 15), 15);
    }

    [Theory]
    [InlineData(null, 10.0)]
    [InlineData(10.0, null)]
    [InlineData(null, null)]
    public void Missing_rating_is_a_coin_flip(double? netA, double? netB) =>
        Assert.Equal(0.5, new KenPomLogisticModel().WinProbability(netA, netB));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Sigma_must_be_finite_and_positive(double sigma)
    {
        var model = Assert.Throws<ArgumentOutOfRangeException>(() => new KenPomLogisticModel(sigma));
        Assert.Equal("sigma", model.ParamName);

        var compute = Assert.Throws<ArgumentOutOfRangeException>(() => AdvancementCalculator.Compute(
            RealData.Tournament(2025), sigma, StartingState.PreTournament, RoundPoints.HouseRules));
        Assert.Contains("Sigma must be a finite number greater than 0", compute.Message);
    }

    [Fact]
    public void Year_2016_has_no_ratings_so_every_game_is_fifty_fifty()
    {
        var tournament = RealData.Tournament(2016);
        Assert.Contains(tournament.Teams, t => t.IsFirstFour && t.KenPomNet is null);

        var result = AdvancementCalculator.Compute(tournament, 10, StartingState.PreTournament, RoundPoints.HouseRules);
        var firstFour = tournament.Teams.Where(t => t.IsFirstFour).Select(t => t.TeamId).ToHashSet();

        foreach (var team in result.Teams.Where(t => firstFour.Contains(t.TeamId)))
        {
            Assert.Equal(0.5, team.ReachProbabilities[0]);
        }

        Assert.Equal(1.0, result.Teams.Sum(t => t.ChampionProbability), 1e-9);

        // The 2016 file has no rating at all, so the whole bracket is coin flips: 1/64 each at the
        // bye level, half that for play-in teams.
        if (tournament.Teams.All(t => t.KenPomNet is null))
        {
            foreach (var team in result.Teams)
            {
                var expected = firstFour.Contains(team.TeamId) ? 1.0 / 128 : 1.0 / 64;
                Assert.Equal(expected, team.ChampionProbability, 15);
            }
        }
    }
}
