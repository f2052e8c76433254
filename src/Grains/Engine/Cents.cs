namespace LabSandbox.Grains.Engine;

/// <summary>Money is integer cents (INV-1): a mean of exact integer totals is rounded once, half to even.</summary>
public static class Cents
{
    public static long Mean(long totalCents, long count) => (long)Math.Round((decimal)totalCents / count, MidpointRounding.ToEven);
}
