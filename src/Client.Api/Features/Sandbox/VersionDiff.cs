using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>How one team's bid changed within an entry (null: no bid on that side).</summary>
public sealed record BidChange(string TeamId, int? Before, int? After);

/// <summary>An entry that differs between two versions: added (no before), removed (no after) or changed (its bid changes).</summary>
public sealed record EntryChange(string EntryKey, string Change, string? CandidateId, IReadOnlyList<BidChange> Bids);

/// <summary>A setting that differs between two versions (focus candidate, excluded entry, name).</summary>
public sealed record SettingChange(string Setting, string? Before, string? After);

/// <summary>What changed from one version of a synthetic calcutta to another, entries in key order.</summary>
public sealed record VersionDiff(
    int FromVersion, string FromDigest, int ToVersion, string ToDigest, IReadOnlyList<SettingChange> Settings, IReadOnlyList<EntryChange> Entries)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";

    public bool IsEmpty => Settings.Count == 0 && Entries.Count == 0;

    public static VersionDiff Between(SyntheticCalcuttaSnapshot from, SyntheticCalcuttaSnapshot to)
    {
        var settings = new List<SettingChange>();
        void Compare(string setting, string? before, string? after)
        {
            if (before != after)
            {
                settings.Add(new SettingChange(setting, before, after));
            }
        }

        Compare("Name", from.Name, to.Name);
        Compare("Focus candidate", from.FocusCandidateId, to.FocusCandidateId);
        Compare("Excluded entry", from.ExcludedEntryKey, to.ExcludedEntryKey);

        var before = from.Entries.ToDictionary(e => e.EntryKey, StringComparer.Ordinal);
        var after = to.Entries.ToDictionary(e => e.EntryKey, StringComparer.Ordinal);
        var entries = new List<EntryChange>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var (old, @new) = (before.GetValueOrDefault(key), after.GetValueOrDefault(key));
            var bids = Bids(old?.Bids ?? [], @new?.Bids ?? []);
            if (old is null || @new is null || bids.Count > 0)
            {
                var change = old is null ? Added : @new is null ? Removed : Changed;
                entries.Add(new EntryChange(key, change, (@new ?? old)!.CandidateId, bids));
            }
        }

        return new VersionDiff(from.Version, from.Digest, to.Version, to.Digest, settings, entries);
    }

    private static List<BidChange> Bids(IReadOnlyList<EntryBid> before, IReadOnlyList<EntryBid> after)
    {
        var old = before.ToDictionary(b => b.TeamId, b => b.BidPoints, StringComparer.Ordinal);
        var @new = after.ToDictionary(b => b.TeamId, b => b.BidPoints, StringComparer.Ordinal);
        return old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal)
            .Select(t => new BidChange(t, old.TryGetValue(t, out var b) ? b : null, @new.TryGetValue(t, out var a) ? a : null))
            .Where(c => c.Before != c.After)
            .ToList();
    }
}
