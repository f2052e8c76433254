namespace LabSandbox.Grains.Engine.Advancement;

/// <summary>
/// Win model <c>kenpom-logistic</c>: P(A beats B) = 1 / (1 + exp(−(netA − netB) / σ)), where net is the
/// KenPom net rating. A missing rating on either side makes the game a coin flip.
/// </summary>
public sealed class KenPomLogisticModel
{
    public const string ModelName = "kenpom-logistic";
    public const double DefaultSigma = 10.0;

    public KenPomLogisticModel(double sigma = DefaultSigma)
    {
        ValidateSigma(sigma);
        Sigma = sigma;
    }

    public double Sigma { get; }

    public double WinProbability(double? netA, double? netB) =>
        netA is { } a && netB is { } b ? 1.0 / (1.0 + Math.Exp(-(a - b) / Sigma)) : 0.5;

    /// <exception cref="ArgumentOutOfRangeException">σ is not finite or not positive.</exception>
    public static void ValidateSigma(double sigma)
    {
        if (!double.IsFinite(sigma) || sigma <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "Sigma must be a finite number greater than 0.");
        }
    }
}
