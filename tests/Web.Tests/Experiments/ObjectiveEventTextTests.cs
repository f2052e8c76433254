using LabSandbox.Api.Features.Experiments;
using LabSandbox.Grains.Interfaces.Experiments;
using Xunit;

namespace LabSandbox.Web.Tests.Experiments;

/// <summary>The trace says which objective a search judged, and shows that objective's paired estimates where it is not the payout.</summary>
public sealed class ObjectiveEventTextTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    private const string PFirstGain = """{"high":0.031,"low":0.011,"objective":"p_first","simulations":2000,"standardError":0.005,"total":42,"unit":"probability","value":0.021}""";

    [Theory]
    [InlineData("""{"masterSeed":7,"search":{"objective":"risk_adjusted","riskAversion":0.5}}""", "Search started (master seed 7; maximizing risk-adjusted payout (mean − 0.5·sd)).")]
    [InlineData("""{"masterSeed":7,"search":{"objective":"expected_payout","riskAversion":0}}""", "Search started (master seed 7; maximizing expected payout).")]
    [InlineData("""{"masterSeed":7,"search":{}}""", "Search started (master seed 7; maximizing expected payout).")]
    public void The_start_names_the_objective(string data, string expected) =>
        Assert.Equal(expected, Summarize(ExperimentEventTypes.ExperimentStart, data));

    [Fact]
    public void A_prune_on_p_first_reads_in_percentage_points()
    {
        var data = """{"challenger":2,"meanGainCents":-50,"objective":"p_first","objectiveBound":{"high":-0.001,"low":-0.03,"objective":"p_first","simulations":2000,"standardError":0.004,"total":-31,"unit":"probability","value":-0.0155},"simulations":2000,"upperBoundCents":-10,"z":1}""";
        Assert.Equal("Challenger 2 pruned: P(1st) gain -1.55 pp, upper bound -0.10 pp after 2,000 simulations.", Summarize(ExperimentEventTypes.Prune, data));
    }

    [Fact]
    public void Results_and_the_end_add_the_objectives_paired_interval()
    {
        var stat = """{"highCents":300,"lowCents":100,"meanCents":200,"simulations":2000,"totalCents":400000}""";
        var result = Summarize(ExperimentEventTypes.EvalResult, $$"""{"challenger":1,"gain":{{stat}},"objective":"p_first","objectiveGain":{{PFirstGain}},"payout":{{stat}},"simulations":2000}""");
        var end = Summarize(ExperimentEventTypes.ExperimentEnd, $$"""{"improvement":{{stat}},"numIterations":3,"objective":"p_first","objectiveImprovement":{{PFirstGain}},"reason":"max_iterations","significant":true}""");

        Assert.Equal("Challenger 1: expected payout $2.00 over 2,000 simulations, gain $2.00 [$1.00, $3.00] (P(1st) 2.10 pp [1.10 pp, 3.10 pp]).", result);
        Assert.Equal("Experiment ended: iteration limit reached after 3 iterations; improvement $2.00 [$1.00, $3.00] (P(1st) 2.10 pp [1.10 pp, 3.10 pp]), significant.", end);
    }

    private static string Summarize(string type, string data) => ExperimentEventText.Summarize(new ExperimentEvent(1, type, 1, At, data));
}
