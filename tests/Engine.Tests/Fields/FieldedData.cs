using LabSandbox.Engine.Tests.Simulation;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// The 2025 pool over a modeled field, as a run sees it: the post-First-Four tournament, the Lab-excluded entry P005 in
/// the seat, and 46 opponents drawn by <c>market_sampled</c> (fitted on the other seven pools, ridge market) or
/// <c>history_resampled</c>.
/// </summary>
internal static class FieldedData
{
    public const int Year = 2025;

    private static readonly Lazy<MarketSampledField> MarketSampler = new(() => new MarketSampledField(
        MarketSampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(Year)), FieldFixtures.Pool(Year).Rules, FieldFixtures.RidgeMarket(Year)));

    private static readonly Lazy<HistoryResampledField> HistorySampler = new(() => new HistoryResampledField(
        HistoryResampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(Year)), FieldFixtures.Pool(Year).Tournament, FieldFixtures.Pool(Year).Rules));

    private static readonly Lazy<TournamentModel> Tournament2025 = new(() => SimulationData.TournamentModel(Year, StartingState.PostFirstFour));

    public static RealPool Pool => SimulationData.Pool(Year);

    /// <summary>One tournament model shared by every kernel (kernels settling the same tournament must share it).</summary>
    public static TournamentModel Tournament => Tournament2025.Value;

    public static MarketSampledField Market => MarketSampler.Value;

    public static HistoryResampledField History => HistorySampler.Value;

    /// <summary>The seat: the Lab-excluded real entry with its own bids.</summary>
    public static PoolEntrant Seat => Pool.Entries.Single(e => e.EntryKey == Pool.ExcludedEntryKey);

    /// <summary>As many opponents as the seat has in the real pool.</summary>
    public static int Opponents => Pool.Entries.Count - 1;

    public static ModeledFieldSource MarketSource(long seed) => new(Market, Opponents, seed);

    public static ModeledFieldSource HistorySource(long seed) => new(History, Opponents, seed);

    public static FieldedSimulation Simulation(IFieldSource fields) => new(Tournament, fields, Seat, Pool.ScoringRules, Pool.Payouts);
}
