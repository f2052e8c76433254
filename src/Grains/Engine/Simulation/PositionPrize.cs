namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>The prize for finishing position <see cref="Position"/> (1-based), in integer cents.</summary>
public sealed record PositionPrize(int Position, long AmountCents);
