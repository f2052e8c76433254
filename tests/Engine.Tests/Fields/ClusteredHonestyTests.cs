using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;
using Xunit.Abstractions;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// The honesty check of clustered intervals (docs/experiments.md#clustered-intervals): many replications of a small
/// paired evaluation over a <c>market_sampled</c> field, each with its own seeds. The spread of each objective's gain over
/// the replications is what a standard error must predict: the cluster-robust se does; the per-simulation se, which
/// takes the simulations of a field block as independent, is far too small (the positive control).
/// </summary>
public sealed class ClusteredHonestyTests(ITestOutputHelper output)
{
    private const int Replications = 160;
    private const int Blocks = 40;
    private const double Lambda = 0.5;

    private static readonly string[] Objectives = [.. ExperimentObjectives.All];

    [Fact]
    public void The_cluster_robust_se_predicts_the_spread_over_replications_and_the_naive_se_does_not()
    {
        var pool = FieldedData.Pool;
        var seat = FieldedData.Seat;
        var other = pool.Entries.First(e => e.EntryKey != seat.EntryKey);
        IReadOnlyList<IReadOnlyList<EntrantBid>> variants = [seat.Bids, other.Bids];
        var gains = Objectives.ToDictionary(o => o, _ => new (double Gain, double Cluster, double Naive)[Replications]);
        for (var r = 0; r < Replications; r++)
        {
            var evaluator = new PairedEvaluator(
                FieldedData.Tournament, FieldedData.MarketSource(1_000 + r), variants, seat.EntryKey, pool.ScoringRules, pool.Payouts);
            var totals = evaluator.CreateTotals();
            evaluator.Run((ulong)(77_000 + r), 0, Blocks * FieldBlocks.SimulationsPerField, totals, CancellationToken.None);
            var sums = totals.Paired(1);
            foreach (var objective in Objectives)
            {
                var clustered = ObjectiveStatistics.Gain(objective, Lambda, sums);
                var naive = ObjectiveStatistics.Gain(objective, Lambda, sums with { Clusters = null });
                // The unrounded gain (expected payout's Value is rounded to cents).
                var gain = objective == ExperimentObjectives.RiskAdjusted ? clustered.Value : (double)clustered.Total!.Value / clustered.Simulations;
                gains[objective][r] = (gain, clustered.StandardError, naive.StandardError);
            }
        }

        foreach (var objective in Objectives)
        {
            var values = gains[objective];
            var mean = values.Average(v => v.Gain);
            var empirical = Math.Sqrt(values.Sum(v => (v.Gain - mean) * (v.Gain - mean)) / (Replications - 1));
            var (cluster, naive) = (values.Average(v => v.Cluster), values.Average(v => v.Naive));
            output.WriteLine($"{objective}: gain mean {mean:G4}; sd over {Replications} replications {empirical:G4}; "
                + $"mean cluster se {cluster:G4} (ratio {empirical / cluster:F2}); mean naive se {naive:G4} (ratio {empirical / naive:F2})");

            // An sd from R = 160 replications is itself uncertain by about 1/√(2(R − 1)) ≈ 6% (more for heavy-tailed
            // payouts), and the cluster se is a little biased with 40 clusters: ±20% is about three of those.
            Assert.InRange(empirical / cluster, 0.8, 1.25);
            // The positive control: the naive se misses the field's share of the spread by far more than that.
            Assert.True(empirical / naive > 2, $"{objective}: naive se {naive:G4} vs empirical sd {empirical:G4}");
        }
    }
}
