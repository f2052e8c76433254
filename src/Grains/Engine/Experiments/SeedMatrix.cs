using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Every seed of an experiment, derived only from its master seed (never from time or placement): a matrix whose
/// row is the iteration (0 = the initial entry's evaluation) and whose column is the sample within it. The
/// proposals of an iteration and the final comparison draw from rows of their own, so no two uses share a stream.
/// </summary>
public static class SeedMatrix
{
    private const ulong EvaluationSalt = 0x45564C5F53414D50UL; // "EVL_SAMP"
    private const ulong ProposalSalt = 0x50524F504F53414CUL; // "PROPOSAL"
    private const ulong FinalSalt = 0x46494E414C434D50UL; // "FINALCMP"
    private const ulong BestSalt = 0x424553545F454E54UL; // "BEST_ENT"

    /// <summary>The simulation seed of sample <paramref name="sample"/> of iteration <paramref name="iteration"/>.</summary>
    public static long Evaluation(long masterSeed, int iteration, int sample) => Derive(masterSeed, EvaluationSalt, iteration, sample);

    /// <summary>The seed of the random stream that proposes iteration <paramref name="iteration"/>'s challengers.</summary>
    public static long Proposal(long masterSeed, int iteration) => Derive(masterSeed, ProposalSalt, iteration, 0);

    /// <summary>The simulation seed of the lone re-evaluation of the challenger accepted in <paramref name="iteration"/>.</summary>
    public static long Best(long masterSeed, int iteration) => Derive(masterSeed, BestSalt, iteration, 0);

    /// <summary>The simulation seed of the final comparison (fresh tournaments, none seen by the search).</summary>
    public static long Final(long masterSeed, int sample) => Derive(masterSeed, FinalSalt, 0, sample);

    /// <summary>
    /// Non-negative, so every derived seed is a valid run seed. The master seed is mixed before the salt joins it, so
    /// no simple relation between two master seeds (such as differing by two salts' XOR) makes their rows coincide.
    /// </summary>
    private static long Derive(long masterSeed, ulong salt, long row, long column) =>
        (long)(SimulationStream.Mix(SimulationStream.Mix(SimulationStream.Mix(SimulationStream.Mix((ulong)masterSeed) ^ salt) ^ (ulong)row) ^ (ulong)column) >> 1);
}
