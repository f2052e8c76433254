using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>
/// The Sandbox pages' changes, sent exactly as the API sends them: the same request bodies (camelCase JSON) to the
/// same <see cref="ISandboxRequestGrain"/> or <see cref="ISyntheticCalcuttaGrain"/> calls, so a form is validated by
/// the grain as a request to <c>/api/v1/sandbox</c> would be and shows the same field errors.
/// </summary>
public sealed class SandboxCommands(IClusterClient cluster)
{
    private static readonly JsonSerializerOptions OmitNulls = new(JsonSerializerOptions.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private ISandboxRequestGrain Requests => cluster.GetGrain<ISandboxRequestGrain>(0);

    private ISyntheticCalcuttaGrain Synthetic(string id) => cluster.GetGrain<ISyntheticCalcuttaGrain>(id);

    /// <summary>As <c>POST /api/v1/sandbox/synthetic-calcuttas/from-calcutta</c>; absent optional fields are left out.</summary>
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> CopyCalcuttaAsync(string calcuttaId, string? syntheticCalcuttaId, string? name) =>
        Requests.CopyCalcuttaAsync(Body(new JsonObject
        {
            ["calcuttaId"] = calcuttaId,
            ["syntheticCalcuttaId"] = Blank(syntheticCalcuttaId),
            ["name"] = Blank(name),
        }));

    /// <summary>As <c>POST …/entries</c> (a new entry) or <c>PUT …/entries/{entryKey}</c> (new bids for an existing one).</summary>
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> SaveEntryAsync(string id, string? entryKey, IReadOnlyList<EntryBid> bids, bool isNew)
    {
        var bidsNode = JsonSerializer.SerializeToNode(bids, JsonSerializerOptions.Web);
        return isNew
            ? Requests.AddEntryAsync(id, Body(new JsonObject { ["bids"] = bidsNode, ["entryKey"] = Blank(entryKey) }))
            : Requests.PutEntryAsync(id, entryKey ?? "", new JsonObject { ["bids"] = bidsNode }.ToJsonString());
    }

    /// <summary>As <c>DELETE …/entries/{entryKey}</c>.</summary>
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> DeleteEntryAsync(string id, string entryKey) => Synthetic(id).DeleteEntryAsync(entryKey);

    /// <summary>As <c>POST …/candidates</c>.</summary>
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> AttachCandidateAsync(string id, string candidateId) =>
        Requests.AttachCandidateAsync(id, new JsonObject { ["candidateId"] = candidateId }.ToJsonString());

    /// <summary>As <c>DELETE …/candidates/{candidateId}</c>.</summary>
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> DetachCandidateAsync(string id, string candidateId) => Synthetic(id).DetachCandidateAsync(candidateId);

    /// <summary>As <c>PUT …/focus</c>; null clears it (an explicit JSON null, as the API takes it).</summary>
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> SetFocusAsync(string id, string? candidateId) =>
        Requests.SetFocusCandidateAsync(id, new JsonObject { ["candidateId"] = candidateId }.ToJsonString());

    /// <summary>As <c>PUT …/excluded-entry</c>; null clears it.</summary>
    public Task<CommandResult<SyntheticCalcuttaSnapshot>> SetExcludedAsync(string id, string? entryKey) =>
        Requests.SetExcludedEntryAsync(id, new JsonObject { ["entryKey"] = entryKey }.ToJsonString());

    /// <summary>As <c>POST /api/v1/sandbox/cohorts</c>.</summary>
    public Task<CommandResult<CohortSnapshot>> CreateCohortAsync(string name, IReadOnlyList<string> members, CohortSettingsRequest settings, string? cohortId) =>
        Requests.CreateCohortAsync(Body(new JsonObject
        {
            ["name"] = name,
            ["members"] = JsonSerializer.SerializeToNode(members, JsonSerializerOptions.Web),
            ["settings"] = JsonSerializer.SerializeToNode(settings, OmitNulls),
            ["cohortId"] = Blank(cohortId),
        }));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The body without its absent (null) optional fields, as a client that leaves them out sends it.</summary>
    private static string Body(JsonObject body)
    {
        foreach (var key in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(key);
        }

        return body.ToJsonString();
    }
}
