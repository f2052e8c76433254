namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>
/// Closed-form ridge regression: solves (XᵀX + λ·P)β = Xᵀy, where P is the identity except 0 for the first
/// (intercept) column, so shrinkage pulls the slopes toward 0 but never the overall level. The system is a handful
/// of unknowns, so a small Gaussian elimination with partial pivoting is exact enough and needs no package.
/// </summary>
internal static class RidgeRegression
{
    /// <summary>Pivots below this fraction of the largest diagonal entry mean the system is singular.</summary>
    private const double SingularTolerance = 1e-13;

    /// <exception cref="ArgumentException">
    /// No rows, ragged rows, row and target counts differ, a non-finite value, λ negative or non-finite, or the
    /// system is singular (possible only when λ = 0 and the columns are dependent).
    /// </exception>
    public static double[] Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets, double lambda)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (!double.IsFinite(lambda) || lambda < 0)
        {
            throw new ArgumentException($"Ridge penalty {lambda} must be finite and >= 0.", nameof(lambda));
        }

        if (rows.Count == 0 || rows.Count != targets.Count)
        {
            throw new ArgumentException($"Need at least one row and one target per row; got {rows.Count} rows, {targets.Count} targets.", nameof(rows));
        }

        var width = rows[0].Length;
        var normal = new double[width, width];
        var rhs = new double[width];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length != width || row.Any(v => !double.IsFinite(v)) || !double.IsFinite(targets[r]))
            {
                throw new ArgumentException($"Row {r} is ragged or holds a non-finite value.", nameof(rows));
            }

            for (var i = 0; i < width; i++)
            {
                rhs[i] += row[i] * targets[r];
                for (var j = 0; j < width; j++)
                {
                    normal[i, j] += row[i] * row[j];
                }
            }
        }

        for (var i = 1; i < width; i++)
        {
            normal[i, i] += lambda;
        }

        return Solve(normal, rhs);
    }

    /// <summary>Gaussian elimination with partial pivoting; overwrites its arguments.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i, i]));
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (!(Math.Abs(a[pivot, col]) > SingularTolerance * scale))
            {
                throw new ArgumentException("The ridge system is singular: the features are linearly dependent and λ is 0.");
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var k = col; k < n; k++)
                {
                    a[r, k] -= factor * a[col, k];
                }

                b[r] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= a[i, k] * x[k];
            }

            x[i] = sum / a[i, i];
        }

        return x;
    }
}
