using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs;
using Orleans.Concurrency;

namespace LabSandbox.Grains.Sandbox;

/// <summary>
/// Reads Sandbox request bodies (<see cref="SandboxRequests"/>) and applies them to the synthetic calcutta or cohort
/// they name. Stateless: reading only validates, and the target grain decides everything that needs its state.
/// </summary>
[StatelessWorker]
public sealed class SandboxRequestGrain : Grain, ISandboxRequestGrain
{
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> CreateSyntheticCalcuttaAsync(string requestJson)
    {
        var reader = new RequestReader(JsonNode.Parse(requestJson)!.AsObject());
        var id = reader.IdOrDerived("syntheticCalcuttaId", "syn");
        var definition = new SyntheticCalcuttaDefinition(reader.RequiredString("name") ?? "", null, reader.RequiredString("tournamentId"),
            SandboxRequests.Rules(reader), SandboxRequests.ScoringRules(reader), SandboxRequests.Payouts(reader));
        return CreateAsync(reader, id, definition);
    }

    public Task<CommandResult<SyntheticCalcuttaSnapshot>> CopyCalcuttaAsync(string requestJson)
    {
        var reader = new RequestReader(JsonNode.Parse(requestJson)!.AsObject());
        var id = reader.IdOrDerived("syntheticCalcuttaId", "syn");
        var calcuttaId = reader.RequiredString("calcuttaId");
        var name = reader.OptionalString("name") ?? $"Copy of {calcuttaId}";
        return CreateAsync(reader, id, new SyntheticCalcuttaDefinition(name, calcuttaId ?? "", null, null, null, null));
    }

    public async Task<CommandResult<SyntheticCalcuttaSnapshot>> AddEntryAsync(string syntheticCalcuttaId, string requestJson)
    {
        var reader = new RequestReader(JsonNode.Parse(requestJson)!.AsObject());
        var key = reader.OptionalString("entryKey");
        var bids = SandboxRequests.Bids(reader);
        reader.RejectUnknownFields();
        if (reader.HasErrors)
        {
            return CommandResult<SyntheticCalcuttaSnapshot>.Invalid(reader.Errors);
        }

        var grain = GrainFactory.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId);
        key ??= $"m-{ContentDigest.Hex(CanonicalJson.Serialize(bids!.OrderBy(b => b.TeamId, StringComparer.Ordinal)))[..12]}";
        if ((await grain.GetAsync())?.Entries.Any(e => e.EntryKey == key) == true)
        {
            return CommandResult<SyntheticCalcuttaSnapshot>.Conflict($"Entry '{key}' already exists; edit it with PUT.");
        }

        return await grain.PutEntryAsync(key, bids!);
    }

    public async Task<CommandResult<SyntheticCalcuttaSnapshot>> PutEntryAsync(string syntheticCalcuttaId, string entryKey, string requestJson)
    {
        var reader = new RequestReader(JsonNode.Parse(requestJson)!.AsObject());
        var bids = SandboxRequests.Bids(reader);
        reader.RejectUnknownFields();
        return reader.HasErrors
            ? CommandResult<SyntheticCalcuttaSnapshot>.Invalid(reader.Errors)
            : await GrainFactory.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).PutEntryAsync(entryKey, bids!);
    }

    public async Task<CommandResult<SyntheticCalcuttaSnapshot>> AttachCandidateAsync(string syntheticCalcuttaId, string requestJson)
    {
        var reader = new RequestReader(JsonNode.Parse(requestJson)!.AsObject());
        var candidateId = reader.RequiredString("candidateId");
        reader.RejectUnknownFields();
        return reader.HasErrors
            ? CommandResult<SyntheticCalcuttaSnapshot>.Invalid(reader.Errors)
            : await GrainFactory.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).AttachCandidateAsync(candidateId!);
    }

    public async Task<CommandResult<SyntheticCalcuttaSnapshot>> SetFocusCandidateAsync(string syntheticCalcuttaId, string requestJson)
    {
        var (value, errors) = NullableString(JsonNode.Parse(requestJson)!.AsObject(), "candidateId");
        return errors is not null
            ? CommandResult<SyntheticCalcuttaSnapshot>.Invalid(errors)
            : await GrainFactory.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).SetFocusCandidateAsync(value);
    }

    public async Task<CommandResult<SyntheticCalcuttaSnapshot>> SetExcludedEntryAsync(string syntheticCalcuttaId, string requestJson)
    {
        var (value, errors) = NullableString(JsonNode.Parse(requestJson)!.AsObject(), "entryKey");
        return errors is not null
            ? CommandResult<SyntheticCalcuttaSnapshot>.Invalid(errors)
            : await GrainFactory.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).SetExcludedEntryAsync(value);
    }

    public async Task<CommandResult<CohortSnapshot>> CreateCohortAsync(string requestJson)
    {
        var reader = new RequestReader(JsonNode.Parse(requestJson)!.AsObject());
        var id = reader.IdOrDerived("cohortId", "cohort");
        var name = reader.RequiredString("name");
        var members = new List<string>();
        if (reader.Node("members") is JsonArray array && array.All(m => m is JsonValue v && v.TryGetValue<string>(out _)))
        {
            members.AddRange(array.Select(m => m!.GetValue<string>()));
        }
        else
        {
            reader.Error("members", "'members' is a list of synthetic calcutta ids.");
        }

        var settings = SandboxRequests.Settings(reader);
        reader.RejectUnknownFields();
        return reader.HasErrors
            ? CommandResult<CohortSnapshot>.Invalid(reader.Errors)
            : await GrainFactory.GetGrain<ICohortGrain>(id).CreateAsync(name!, members, settings!);
    }

    private async Task<CommandResult<SyntheticCalcuttaSnapshot>> CreateAsync(RequestReader reader, string id, SyntheticCalcuttaDefinition definition)
    {
        reader.RejectUnknownFields();
        return reader.HasErrors
            ? CommandResult<SyntheticCalcuttaSnapshot>.Invalid(reader.Errors)
            : await GrainFactory.GetGrain<ISyntheticCalcuttaGrain>(id).CreateAsync(definition);
    }

    /// <summary>A body of exactly one field, a non-empty string or an explicit null (which clears).</summary>
    private static (string? Value, IReadOnlyDictionary<string, string[]>? Errors) NullableString(JsonObject body, string field)
    {
        if (!body.ContainsKey(field) || body.Count != 1)
        {
            return (null, new Dictionary<string, string[]> { [field] = [$"The body is {{\"{field}\": \"…\"}} or {{\"{field}\": null}}."] });
        }

        var reader = new RequestReader(body);
        if (reader.Node(field) is null)
        {
            return (null, null);
        }

        var value = reader.OptionalString(field);
        return reader.HasErrors ? (null, reader.Errors) : (value, null);
    }
}
