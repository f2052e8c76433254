using System.Text.Json.Nodes;
using LabSandbox.Api.Apis;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Sandbox;

/// <summary>
/// Synthetic calcuttas: evaluation scenarios copied from a real pool or built empty, edited entry by entry,
/// with Lab candidates attached by id. Every change makes a new version (digest); versions stay readable.
/// </summary>
public static class SyntheticCalcuttasApi
{
    public static RouteGroupBuilder MapSyntheticCalcuttasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sandbox/synthetic-calcuttas").WithTags("Sandbox");
        group.MapPost("/", Create).WithName("CreateSyntheticCalcutta");
        group.MapPost("/from-calcutta", CreateFromCalcutta).WithName("CreateSyntheticCalcuttaFromCalcutta");
        group.MapGet("/", List).WithName("ListSyntheticCalcuttas");
        group.MapGet("/{syntheticCalcuttaId}", Get).WithName("GetSyntheticCalcutta");
        group.MapGet("/{syntheticCalcuttaId}/versions/{digest}", GetVersion).WithName("GetSyntheticCalcuttaVersion");
        group.MapPost("/{syntheticCalcuttaId}/entries", AddEntry).WithName("AddSyntheticEntry");
        group.MapPut("/{syntheticCalcuttaId}/entries/{entryKey}", PutEntry).WithName("PutSyntheticEntry");
        group.MapDelete("/{syntheticCalcuttaId}/entries/{entryKey}", DeleteEntry).WithName("DeleteSyntheticEntry");
        group.MapPost("/{syntheticCalcuttaId}/candidates", AttachCandidate).WithName("AttachCandidate");
        group.MapDelete("/{syntheticCalcuttaId}/candidates/{candidateId}", DetachCandidate).WithName("DetachCandidate");
        group.MapPut("/{syntheticCalcuttaId}/focus", SetFocus).WithName("SetFocusCandidate");
        group.MapPut("/{syntheticCalcuttaId}/excluded-entry", SetExcluded).WithName("SetExcludedEntry");
        return group;
    }

    private static Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> Create(JsonObject body, IClusterClient cluster)
    {
        var reader = new RequestReader(body);
        var id = SandboxRequests.IdOrDerived(reader, body, "syntheticCalcuttaId", "syn");
        var definition = new SyntheticCalcuttaDefinition(reader.RequiredString("name") ?? "", null, reader.RequiredString("tournamentId"),
            SandboxRequests.Rules(reader), SandboxRequests.ScoringRules(reader), SandboxRequests.Payouts(reader));
        return CreateAsync(cluster, reader, id, definition);
    }

    private static Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> CreateFromCalcutta(JsonObject body, IClusterClient cluster)
    {
        var reader = new RequestReader(body);
        var id = SandboxRequests.IdOrDerived(reader, body, "syntheticCalcuttaId", "syn");
        var calcuttaId = reader.RequiredString("calcuttaId");
        var name = reader.OptionalString("name") ?? $"Copy of {calcuttaId}";
        return CreateAsync(cluster, reader, id, new SyntheticCalcuttaDefinition(name, calcuttaId ?? "", null, null, null, null));
    }

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        IClusterClient cluster, RequestReader reader, string id, SyntheticCalcuttaDefinition definition)
    {
        reader.RejectUnknownFields();
        if (reader.HasErrors)
        {
            return ApiProblems.Invalid(reader.Errors);
        }

        return SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(id).CreateAsync(definition), "Synthetic calcutta", id);
    }

    /// <summary>Every synthetic calcutta, by id.</summary>
    private static async Task<Ok<SyntheticCalcuttaListResponse>> List(IClusterClient cluster)
    {
        var catalog = await cluster.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync();
        var items = new List<SyntheticCalcuttaSummary>();
        foreach (var id in catalog.SyntheticCalcuttaIds)
        {
            if (await cluster.GetGrain<ISyntheticCalcuttaGrain>(id).GetAsync() is { } s)
            {
                items.Add(new SyntheticCalcuttaSummary(s.SyntheticCalcuttaId, s.Name, s.TournamentId, s.SourceCalcuttaId, s.Version, s.Digest,
                    s.Entries.Count, s.ExcludedEntryKey, s.FocusCandidateId));
            }
        }

        return TypedResults.Ok(new SyntheticCalcuttaListResponse(items));
    }

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ProblemHttpResult>> Get(string syntheticCalcuttaId, IClusterClient cluster) =>
        await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).GetAsync() is { } snapshot
            ? TypedResults.Ok(snapshot)
            : ApiProblems.NotFound("Synthetic calcutta", syntheticCalcuttaId);

    /// <summary>A version as a run pinned it.</summary>
    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ProblemHttpResult>> GetVersion(string syntheticCalcuttaId, string digest, IClusterClient cluster) =>
        await cluster.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(syntheticCalcuttaId, digest)).GetAsync() is { } snapshot
            ? TypedResults.Ok(snapshot)
            : ApiProblems.NotFound("Synthetic calcutta version", $"{syntheticCalcuttaId}@{digest}");

    /// <summary>Adds a manual entry; its key defaults to one derived from its bids. An existing key is a conflict (edit it with PUT).</summary>
    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> AddEntry(
        string syntheticCalcuttaId, JsonObject body, IClusterClient cluster)
    {
        var reader = new RequestReader(body);
        var key = reader.OptionalString("entryKey");
        var bids = SandboxRequests.Bids(reader);
        reader.RejectUnknownFields();
        if (reader.HasErrors)
        {
            return ApiProblems.Invalid(reader.Errors);
        }

        var grain = cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId);
        key ??= $"m-{Grains.Common.ContentDigest.Hex(Grains.Common.CanonicalJson.Serialize(bids!.OrderBy(b => b.TeamId, StringComparer.Ordinal)))[..12]}";
        if ((await grain.GetAsync())?.Entries.Any(e => e.EntryKey == key) == true)
        {
            return ApiProblems.Conflict($"Entry '{key}' already exists; edit it with PUT.");
        }

        return SandboxResults.From(await grain.PutEntryAsync(key, bids!), "Synthetic calcutta", syntheticCalcuttaId);
    }

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> PutEntry(
        string syntheticCalcuttaId, string entryKey, JsonObject body, IClusterClient cluster)
    {
        var reader = new RequestReader(body);
        var bids = SandboxRequests.Bids(reader);
        reader.RejectUnknownFields();
        return reader.HasErrors
            ? ApiProblems.Invalid(reader.Errors)
            : SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).PutEntryAsync(entryKey, bids!), "Synthetic calcutta", syntheticCalcuttaId);
    }

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> DeleteEntry(
        string syntheticCalcuttaId, string entryKey, IClusterClient cluster) =>
        SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).DeleteEntryAsync(entryKey), "Synthetic calcutta", syntheticCalcuttaId);

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> AttachCandidate(
        string syntheticCalcuttaId, JsonObject body, IClusterClient cluster)
    {
        var reader = new RequestReader(body);
        var candidateId = reader.RequiredString("candidateId");
        reader.RejectUnknownFields();
        return reader.HasErrors
            ? ApiProblems.Invalid(reader.Errors)
            : SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).AttachCandidateAsync(candidateId!), "Synthetic calcutta", syntheticCalcuttaId);
    }

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> DetachCandidate(
        string syntheticCalcuttaId, string candidateId, IClusterClient cluster) =>
        SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).DetachCandidateAsync(candidateId), "Synthetic calcutta", syntheticCalcuttaId);

    /// <summary>Body <c>{"candidateId": "…"}</c>, or <c>{"candidateId": null}</c> to clear.</summary>
    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> SetFocus(
        string syntheticCalcuttaId, JsonObject body, IClusterClient cluster)
    {
        var (value, errors) = NullableString(body, "candidateId");
        return errors is not null
            ? ApiProblems.Invalid(errors)
            : SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).SetFocusCandidateAsync(value), "Synthetic calcutta", syntheticCalcuttaId);
    }

    /// <summary>Body <c>{"entryKey": "…"}</c>, or <c>{"entryKey": null}</c> to clear.</summary>
    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> SetExcluded(
        string syntheticCalcuttaId, JsonObject body, IClusterClient cluster)
    {
        var (value, errors) = NullableString(body, "entryKey");
        return errors is not null
            ? ApiProblems.Invalid(errors)
            : SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).SetExcludedEntryAsync(value), "Synthetic calcutta", syntheticCalcuttaId);
    }

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
