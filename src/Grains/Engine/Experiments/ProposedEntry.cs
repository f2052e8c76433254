using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>A challenger: the move that made it from the incumbent, and its bids (ordered by team id, ordinal).</summary>
public sealed record ProposedEntry(string Move, IReadOnlyList<EntrantBid> Bids)
{
    public int Spend => Bids.Sum(b => b.BidPoints);
}

/// <summary>The moves the search proposes (see docs/experiments.md).</summary>
public static class ProposalMoves
{
    public const string Shift = "shift";
    public const string Swap = "swap";
    public const string Add = "add";
    public const string Drop = "drop";
    public const string PerturbedOptimum = "perturbed_dp";
}
