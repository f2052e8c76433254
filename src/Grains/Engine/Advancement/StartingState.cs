using System.Diagnostics.CodeAnalysis;

namespace LabSandbox.Grains.Engine.Advancement;

/// <summary>
/// How much of the real tournament is locked in: <c>pre_tournament</c> (nothing), <c>post_first_four</c>
/// (the play-ins) or <c>through_round:N</c> (every game of round ≤ N, 1 ≤ N ≤ 7).
/// </summary>
/// <remarks>
/// <c>post_first_four</c> locks the same games as <c>through_round:1</c> but keeps its own spelling, so
/// the text a caller asked for round-trips (it feeds canonical params and their hash). The default
/// value is <see cref="PreTournament"/>.
/// </remarks>
public readonly record struct StartingState
{
    public const string PreTournamentText = "pre_tournament";
    public const string PostFirstFourText = "post_first_four";
    public const string ThroughRoundPrefix = "through_round:";
    public const int MaxRound = 7;

    private readonly bool _postFirstFour;

    private StartingState(int lockedThroughRound, bool postFirstFour)
    {
        LockedThroughRound = lockedThroughRound;
        _postFirstFour = postFirstFour;
    }

    public static StartingState PreTournament => default;

    public static StartingState PostFirstFour => new(1, postFirstFour: true);

    /// <summary>Every game of round ≤ <see cref="LockedThroughRound"/> is locked to its real result.</summary>
    public int LockedThroughRound { get; }

    public static StartingState ThroughRound(int round)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(round, MaxRound);
        return new StartingState(round, postFirstFour: false);
    }

    /// <summary>Accepts exactly the canonical spellings (no whitespace, case or sign variants).</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text, out StartingState state, [NotNullWhen(false)] out string? error)
    {
        state = default;
        error = null;
        switch (text)
        {
            case null or "":
                error = "Starting state is required: pre_tournament, post_first_four or through_round:N (N = 1..7).";
                return false;
            case PreTournamentText:
                return true;
            case PostFirstFourText:
                state = PostFirstFour;
                return true;
        }

        if (text.StartsWith(ThroughRoundPrefix, StringComparison.Ordinal))
        {
            // A single digit keeps the spelling canonical: "01" or "+1" would hash differently.
            var n = text.AsSpan(ThroughRoundPrefix.Length);
            if (n.Length == 1 && n[0] is >= '1' and <= '7')
            {
                state = new StartingState(n[0] - '0', postFirstFour: false);
                return true;
            }

            error = $"Starting state '{text}': through_round needs a round N with 1 <= N <= {MaxRound}.";
            return false;
        }

        error = $"Unknown starting state '{text}': expected pre_tournament, post_first_four or through_round:N (N = 1..7).";
        return false;
    }

    /// <exception cref="FormatException">The text is not a valid starting state.</exception>
    public static StartingState Parse(string? text) =>
        TryParse(text, out var state, out var error) ? state : throw new FormatException(error);

    /// <summary>The canonical spelling, which <see cref="Parse"/> reads back to the same value.</summary>
    public override string ToString() => LockedThroughRound switch
    {
        0 => PreTournamentText,
        1 when _postFirstFour => PostFirstFourText,
        var n => ThroughRoundPrefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
