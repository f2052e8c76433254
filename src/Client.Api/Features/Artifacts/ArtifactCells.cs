using System.Globalization;
using System.Text;
using LabSandbox.Api.Components.Shared;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>
/// How a preview shows a column of an artifact's tabular form: a readable header, money in dollars (columns in cents),
/// probabilities as percentages, counts with separators, and ids as links to their pages. Decided from the column's
/// name alone, so every kind — and kinds added later — render the same way; downloads keep the raw values.
/// </summary>
public static class ArtifactCells
{
    /// <summary>Round labels of <c>pRound_r</c> = P(progress ≥ r): r = 1 is the main bracket, r = 7 the title.</summary>
    private static readonly string[] Rounds = ["R64", "R32", "Sweet 16", "Elite 8", "Final 4", "Final", "Champion"];

    /// <summary>Id columns and the page each links to.</summary>
    private static readonly (string Suffix, Func<string, string?> Href)[] Links =
    [
        ("syntheticCalcuttaId", id => $"/sandbox/calcuttas/{Uri.EscapeDataString(id)}"),
        ("calcuttaId", id => $"/pools/{Uri.EscapeDataString(id)}"),
        ("runId", id => $"/runs/{Uri.EscapeDataString(id)}"),
        ("artifactId", id => $"/artifacts/{Uri.EscapeDataString(id)}"),
        ("artifactIds", id => $"/artifacts/{Uri.EscapeDataString(id)}"),
        ("candidateId", id => $"/lab/candidates/{Uri.EscapeDataString(id)}"),
        ("experimentId", id => $"/experiments/{Uri.EscapeDataString(id)}"),
        ("cohortId", id => $"/sandbox/cohorts/{Uri.EscapeDataString(id)}"),
        ("tournamentId", TournamentHref),
    ];

    /// <summary>The last segment of a column or field path (<c>payout_meanCents</c> → <c>meanCents</c>).</summary>
    public static string Leaf(string column)
    {
        var cut = column.LastIndexOfAny(['_', '.']);
        var leaf = cut < 0 ? column : column[(cut + 1)..];
        return leaf.All(char.IsAsciiDigit) && cut > 0 ? Leaf(column[..cut]) : leaf;
    }

    public static string Label(string column)
    {
        var parts = column.Split('_', '.');
        if (parts is ["pRound", var r] && int.TryParse(r, CultureInfo.InvariantCulture, out var round) && round is >= 1 and <= 7)
        {
            return $"P({Rounds[round - 1]})";
        }

        if (parts is ["frequencies", var f] && int.TryParse(f, CultureInfo.InvariantCulture, out var level))
        {
            return $"P(progress {level - 1})";
        }

        if (parts is ["positionCounts", var p])
        {
            return $"Finished #{p}";
        }

        var words = parts.Select((part, i) => Words(part, first: i == 0)).Where(w => w.Length > 0);
        return string.Join(" · ", words);
    }

    public static bool IsMoney(string column)
    {
        var leaf = Leaf(column);
        return leaf.Contains("Cents", StringComparison.Ordinal) && !leaf.Contains("Squares", StringComparison.Ordinal);
    }

    public static bool IsProbability(string column)
    {
        var leaf = Leaf(column);
        return (leaf.Length > 1 && leaf[0] == 'p' && char.IsAsciiLetterUpper(leaf[1]))
            || leaf is "share" or "actualShare" or "frequencies" or "pRound";
    }

    public static bool IsNumeric(object? cell) => cell is long or double;

    /// <summary>A cell as shown. Text of a fields table is parsed back to a number when its field is money or a probability.</summary>
    public static string Format(string column, object? cell)
    {
        if (cell is string text && (IsMoney(column) || IsProbability(column))
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            cell = parsed;
        }

        return cell switch
        {
            null => "—",
            long l when IsMoney(column) => Money.Dollars(l),
            double d when IsMoney(column) => Money.Dollars(d),
            double d when IsProbability(column) => (d * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            long l when IsProbability(column) => (l * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
            long l => l.ToString("#,0", CultureInfo.InvariantCulture),
            double d when !double.IsFinite(d) => d.ToString(CultureInfo.InvariantCulture),
            double d => d.ToString(Math.Abs(d) >= 1000 ? "#,0.##" : "0.####", CultureInfo.InvariantCulture),
            bool b => b ? "yes" : "no",
            _ => cell.ToString() ?? "",
        };
    }

    /// <summary>The page an id cell links to, or null.</summary>
    public static string? Href(string column, object? cell)
    {
        if (cell is not string id || id.Length == 0 || id.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var leaf = Leaf(column);
        foreach (var (suffix, href) in Links)
        {
            if (leaf == suffix || leaf.EndsWith(char.ToUpperInvariant(suffix[0]) + suffix[1..], StringComparison.Ordinal))
            {
                return href(id);
            }
        }

        return null;
    }

    /// <summary><c>ncaa-2025</c> → <c>/tournaments/2025</c> (the tournament pages are by year).</summary>
    public static string? TournamentHref(string tournamentId)
    {
        var year = tournamentId.Split('-')[^1];
        return year.Length == 4 && year.All(char.IsAsciiDigit) ? $"/tournaments/{year}" : null;
    }

    private static string Words(string camel, bool first)
    {
        if (camel.Length == 0)
        {
            return "";
        }

        if (camel.Length > 1 && camel[0] == 'p' && char.IsAsciiLetterUpper(camel[1]))
        {
            return $"P({Words(camel[1..], first: false)})";
        }

        var text = new StringBuilder();
        for (var i = 0; i < camel.Length; i++)
        {
            var c = camel[i];
            var boundary = i > 0 && (char.IsAsciiLetterUpper(c) || (char.IsAsciiDigit(c) && !char.IsAsciiDigit(camel[i - 1])));
            if (boundary)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        var words = text.ToString().Replace(" cents", "", StringComparison.Ordinal).Replace("cents ", "", StringComparison.Ordinal);
        words = words is "cents" ? "amount" : words;
        return first ? char.ToUpperInvariant(words[0]) + words[1..] : words;
    }
}
