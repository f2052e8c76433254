using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs;

namespace LabSandbox.Grains.Sandbox;

/// <summary>Reads Sandbox request bodies into the grains' records, collecting one message per bad field.</summary>
public static class SandboxRequests
{
    public static IReadOnlyList<EntryBid>? Bids(RequestReader reader, string field = "bids")
    {
        var node = reader.Node(field);
        const string Message = "'bids' is a list of {\"teamId\": \"…\", \"bidPoints\": n}.";
        if (node is not JsonArray array)
        {
            reader.Error(field, Message);
            return null;
        }

        var bids = new List<EntryBid>();
        foreach (var item in array)
        {
            if (item is not JsonObject bid || bid.Count != 2 || bid["teamId"] is not JsonValue team || !team.TryGetValue<string>(out var teamId)
                || !RequestReader.TryGetInt(bid["bidPoints"], out var points))
            {
                reader.Error(field, Message);
                return null;
            }

            bids.Add(new EntryBid(teamId, points));
        }

        return bids;
    }

    public static PoolRules? Rules(RequestReader reader)
    {
        if (reader.Node("rules") is not JsonObject rules)
        {
            reader.Error("rules", "'rules' is {budgetPoints, minTeams, maxTeams, minBidPoints, maxBidPoints}.");
            return null;
        }

        int Read(string name)
        {
            if (!RequestReader.TryGetInt(rules[name], out var value))
            {
                reader.Error($"rules.{name}", $"'rules.{name}' must be a whole number.");
            }

            return value;
        }

        return new PoolRules(Read("budgetPoints"), Read("minTeams"), Read("maxTeams"), Read("minBidPoints"), Read("maxBidPoints"));
    }

    public static IReadOnlyList<Payout>? Payouts(RequestReader reader)
    {
        if (reader.Node("payouts") is not JsonArray array)
        {
            reader.Error("payouts", "'payouts' is a list of {\"position\": n, \"amountCents\": n}.");
            return null;
        }

        var payouts = new List<Payout>();
        foreach (var item in array)
        {
            if (item is not JsonObject payout || !RequestReader.TryGetInt(payout["position"], out var position)
                || !RequestReader.TryGetLong(payout["amountCents"], out var cents))
            {
                reader.Error("payouts", "Each payout is {\"position\": n, \"amountCents\": n} in whole cents.");
                return null;
            }

            payouts.Add(new Payout(position, cents));
        }

        return payouts;
    }

    public static IReadOnlyList<ScoringRule>? ScoringRules(RequestReader reader)
    {
        if (reader.Node("scoringRules") is not { } node)
        {
            return null;
        }

        var rules = new List<ScoringRule>();
        foreach (var item in node as JsonArray ?? [])
        {
            if (item is JsonObject rule && RequestReader.TryGetInt(rule["winIndex"], out var win) && RequestReader.TryGetInt(rule["pointsAwarded"], out var points))
            {
                rules.Add(new ScoringRule(win, points));
            }
        }

        if (node is not JsonArray || rules.Count != ((JsonArray)node).Count)
        {
            reader.Error("scoringRules", "'scoringRules' is a list of {\"winIndex\": n, \"pointsAwarded\": n}.");
        }

        return rules;
    }

    public static CohortSettings? Settings(RequestReader reader)
    {
        if (reader.Node("settings") is not JsonObject settings)
        {
            reader.Error("settings", "'settings' is {nSims, seed, startingState, excludedEntryPolicy, sigma?}.");
            return null;
        }

        var nSims = RequestReader.TryGetLong(settings["nSims"], out var n) ? n : Bad("settings.nSims", "'settings.nSims' must be a whole number.");
        var seed = RequestReader.TryGetLong(settings["seed"], out var s) ? s : Bad("settings.seed", "'settings.seed' must be a whole number.");
        var state = settings["startingState"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
        var policy = settings["excludedEntryPolicy"] is JsonValue p && p.TryGetValue<string>(out var policyText) ? policyText : CohortSettings.MemberPolicy;
        var sigma = 10.0;
        if (settings["sigma"] is { } sigmaNode && !RequestReader.TryGetNumber(sigmaNode, out sigma))
        {
            Bad("settings.sigma", "'settings.sigma' must be a number.");
        }

        foreach (var name in settings.Select(x => x.Key).Where(k => k is not ("nSims" or "seed" or "startingState" or "excludedEntryPolicy" or "sigma")))
        {
            reader.Error($"settings.{name}", $"Unknown field 'settings.{name}'.");
        }

        return new CohortSettings(nSims, seed, state, policy, sigma);

        long Bad(string field, string message)
        {
            reader.Error(field, message);
            return 0;
        }
    }
}
