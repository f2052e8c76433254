using LabSandbox.Engine.Tests.Simulation;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>INV-2 over modeled fields: any chunking, in any order, gives the same totals byte for byte.</summary>
public sealed class FieldedSimulationTests
{
    private const ulong Seed = 2025;
    private const long Simulations = 14_000;

    public static TheoryData<string> Models => new() { FieldModelKinds.MarketSampled, FieldModelKinds.HistoryResampled };

    [Theory]
    [MemberData(nameof(Models))]
    public void Chunks_of_1000_2500_and_7000_in_any_order_give_identical_canonical_bytes(string model)
    {
        var whole = Run(model, [(0, Simulations)]);
        foreach (var size in new long[] { 1_000, 2_500, 7_000 })
        {
            var chunks = Enumerable.Range(0, (int)((Simulations + size - 1) / size))
                .Select(c => (Start: c * size, Count: Math.Min(size, Simulations - (c * size))))
                .Reverse() // out of order, and each chunk on a fresh simulation, as chunk grains on other silos
                .ToList();
            Assert.Equal(whole, Run(model, chunks));
        }
    }

    [Fact]
    public void Entries_are_the_modeled_opponents_and_the_seat_with_the_real_pools_size()
    {
        var simulation = FieldedData.Simulation(FieldedData.MarketSource(7));
        var keys = simulation.Shape.EntryKeys;
        Assert.Equal(FieldedData.Pool.Entries.Count, keys.Length);
        Assert.Contains(FieldedData.Seat.EntryKey, keys);
        Assert.Equal(FieldedData.Opponents, keys.Count(k => k.StartsWith(MarketSampledField.EntryKeyPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void Different_fields_give_different_results_and_a_real_source_gives_the_plain_kernels()
    {
        Assert.NotEqual(Run(FieldModelKinds.MarketSampled, [(0, 3_000)]), Run(FieldModelKinds.HistoryResampled, [(0, 3_000)]));

        // The real field through the same path: exactly the plain kernel over the real pool (seat included).
        var others = FieldedData.Pool.Entries.Where(e => e.EntryKey != FieldedData.Seat.EntryKey).ToList();
        var real = FieldedData.Simulation(new RealFieldSource(others));
        var fielded = real.CreateAccumulator();
        real.Run(Seed, 0, 3_500, fielded);
        var kernel = new SimulationKernel(FieldedData.Tournament, SimulationData.PoolModel(FieldedData.Year));
        var plain = kernel.CreateAccumulator();
        kernel.Run(Seed, 0, 3_500, plain);
        Assert.Equal(plain.ToCanonicalBytes(), fielded.ToCanonicalBytes());
    }

    private static byte[] Run(string model, IReadOnlyList<(long Start, long Count)> chunks)
    {
        SimulationAccumulator? merged = null;
        foreach (var (start, count) in chunks)
        {
            var source = model == FieldModelKinds.MarketSampled ? FieldedData.MarketSource((long)Seed) : FieldedData.HistorySource((long)Seed);
            var simulation = FieldedData.Simulation(source);
            var totals = simulation.CreateAccumulator();
            simulation.Run(Seed, start, count, totals);
            if (merged is null)
            {
                merged = totals;
            }
            else
            {
                merged.Merge(totals);
            }
        }

        return merged!.ToCanonicalBytes();
    }
}
