using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// Draws a <c>market_sampled</c> field: each opponent takes the shape of a uniformly drawn fitted profile, fitted to
/// this pool's rules, and puts its bids on teams chosen in proportion to the pinned market shares.
/// </summary>
/// <remarks>
/// Why the expected bids match the market exactly: an entry's k amounts are fixed by its profile and the rules alone
/// (never by which teams it gets); its k teams are chosen with inclusion probability k·s_t (s = share,
/// <see cref="ProportionalSelection"/>), and the amounts are dealt to the chosen teams in a uniformly random order.
/// So E[bid on t] = P(t chosen) · E[amount | chosen] = k·s_t · spend / k = s_t · spend, and over the field
/// E[Σ bids on t] = s_t · opponents · <see cref="ExpectedEntrySpend"/>. That needs k·s_t ≤ 1; when the market is so
/// concentrated that a profile has more teams than 1 / max s, the entry is cut to that many teams (its money kept) —
/// still exact, since the cut depends on the market, not on the draw. What is not modelled: that real players put
/// their big bids on the favourites (amounts here are dealt to teams at random).
/// </remarks>
public sealed class MarketSampledField
{
    /// <summary>Opponent keys are <c>M001</c>, <c>M002</c>, …: they cannot collide with real keys (<c>P…</c>).</summary>
    public const string EntryKeyPrefix = "M";

    private readonly string[] teamIds;
    private readonly double[] weights;
    private readonly int[][] amountsByProfile;

    /// <summary>
    /// Prepares the sampler for one pool: every profile fitted to <paramref name="rules"/> once, here, rather than per draw.
    /// </summary>
    /// <exception cref="ArgumentException">Rules that cannot hold an entry, no profiles, or a market too concentrated for MinTeams.</exception>
    public MarketSampledField(MarketSampledParameters parameters, OptimizerBounds rules, MarketShares market)
    {
        (teamIds, weights, amountsByProfile) = Prepare(parameters, rules, market);
        ExpectedEntrySpend = amountsByProfile.Average(a => (double)a.Sum());
    }

    /// <summary>
    /// What one drawn opponent spends on average: the mean, over profiles, of the profile's spend once fitted to these
    /// rules and this market's team cap. Computed from the parameters, not by sampling.
    /// </summary>
    public double ExpectedEntrySpend { get; }

    /// <summary>
    /// Field <paramref name="fieldIndex"/> of <paramref name="opponents"/> entries under <paramref name="seed"/>: a
    /// function of (parameters, rules, market, opponents, seed, fieldIndex) only.
    /// </summary>
    public IReadOnlyList<PoolEntrant> Draw(int opponents, long seed, long fieldIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opponents);
        var random = FieldStream.For(FieldStream.MarketSampledSalt, seed, fieldIndex);
        var field = new PoolEntrant[opponents];
        for (var e = 0; e < opponents; e++)
        {
            var amounts = (int[])amountsByProfile[random.Next(amountsByProfile.Length)].Clone();
            var teams = ProportionalSelection.Choose(random, weights, amounts.Length);
            ProportionalSelection.Shuffle(random, amounts);
            var bids = new EntrantBid[teams.Length];
            for (var j = 0; j < teams.Length; j++)
            {
                bids[j] = new EntrantBid(teamIds[teams[j]], amounts[j]);
            }

            Array.Sort(bids, (a, b) => string.CompareOrdinal(a.TeamId, b.TeamId));
            field[e] = new PoolEntrant(EntryKeyPrefix + (e + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture), bids);
        }

        return field;
    }

    private static (string[] TeamIds, double[] Weights, int[][] AmountsByProfile) Prepare(
        MarketSampledParameters parameters, OptimizerBounds rules, MarketShares market)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(market);
        if (parameters.Profiles.Count == 0)
        {
            throw new ArgumentException("The fitted parameters hold no profiles.", nameof(parameters));
        }

        var teamIds = market.Teams.Select(t => t.TeamId).ToArray();
        var weights = market.Teams.Select(t => double.IsFinite(t.Share) && t.Share > 0 ? t.Share : 0.0).ToArray();
        var cap = ProportionalSelection.MaxCount(weights);
        if (cap < rules.MinTeams)
        {
            throw new ArgumentException(
                $"The market is too concentrated: at most {cap} teams can be chosen in proportion to it, the pool needs {rules.MinTeams}.",
                nameof(market));
        }

        var amounts = new int[parameters.Profiles.Count][];
        for (var p = 0; p < amounts.Length; p++)
        {
            var profile = parameters.Profiles[p];
            var scaled = profile.Bids.Select(b => (double)b * rules.Budget / profile.Budget).ToArray();
            amounts[p] = RuleFitting.Fit(scaled, rules, cap).Select(b => b.Amount).ToArray();
        }

        return (teamIds, weights, amounts);
    }
}
