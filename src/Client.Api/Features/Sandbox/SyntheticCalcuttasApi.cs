using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.OpenApi;
using LabSandbox.Api.Infrastructure.Requests;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>
/// Synthetic calcuttas: evaluation scenarios copied from a real pool or built empty, edited entry by entry,
/// with Lab candidates attached by id. Every change makes a new version (digest); versions stay readable.
/// Bodies are read and applied by <see cref="ISandboxRequestGrain"/>.
/// </summary>
public static class SyntheticCalcuttasApi
{
    private const string Changed = "The synthetic calcutta after the change (a new version and digest).";

    public static RouteGroupBuilder MapSyntheticCalcuttasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sandbox/synthetic-calcuttas").WithTags("Sandbox").RequireAuthorization(LabPolicies.Reader);
        group.MapPost("/", Create).WithName("CreateSyntheticCalcutta").RequireAuthorization(LabPolicies.Analyst).WithAuditTarget<SyntheticCalcuttaSnapshot>(s => s.SyntheticCalcuttaId)
            .WithSummary("Create an empty synthetic calcutta")
            .WithDescription("Explicit rules, scoring rules and payouts, no entries. The same body again is a no-op; another body under the same id a 409.")
            .WithRequestExample("empty", "An empty pool over ncaa-2025 with the usual rules", new CreateSyntheticCalcuttaRequest(
                "What-if pool", "ncaa-2025", new PoolRules(100, 3, 10, 1, 50), [new Payout(1, 60_000), new Payout(2, 25_000), new Payout(3, 15_000)],
                SyntheticCalcuttaId: "syn-what-if"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/from-calcutta", CreateFromCalcutta).WithName("CreateSyntheticCalcuttaFromCalcutta").RequireAuthorization(LabPolicies.Analyst).WithAuditTarget<SyntheticCalcuttaSnapshot>(s => s.SyntheticCalcuttaId)
            .WithSummary("Copy a real pool into a synthetic calcutta")
            .WithDescription("Its rules, scoring rules, payouts and entries. The same body again is a no-op; another body under the same id a 409.")
            .WithRequestExample("copy", "A copy of calcutta-2025", new CopyCalcuttaRequest("calcutta-2025", "syn-2025-copy"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListSyntheticCalcuttas")
            .WithSummary("List synthetic calcuttas")
            .WithDescription("Every synthetic calcutta, by id, with its current version.");
        group.MapGet("/{syntheticCalcuttaId}", Get).WithName("GetSyntheticCalcutta")
            .WithSummary("Get a synthetic calcutta")
            .WithDescription("Its current version: rules, payouts, entries, attached candidates, focus and excluded entry, digest.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{syntheticCalcuttaId}/versions/{digest}", GetVersion).WithName("GetSyntheticCalcuttaVersion")
            .WithSummary("Get a version of a synthetic calcutta")
            .WithDescription("Any version by digest, as a run pinned it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{syntheticCalcuttaId}/entries", AddEntry).WithName("AddSyntheticEntry").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Add a manual entry")
            .WithDescription("Validated against the pool's rules and its tournament's teams; an existing key is a 409 (edit it with PUT). " + Changed)
            .WithRequestExample("entry", "Three teams, 100 points", new AddEntryRequest(
                [new EntryBid("duke", 40), new EntryBid("houston", 35), new EntryBid("florida", 25)], "my-entry"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{syntheticCalcuttaId}/entries/{entryKey}", PutEntry).WithName("PutSyntheticEntry").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Replace an entry's bids")
            .WithDescription("Validated against the pool's rules and its tournament's teams. " + Changed)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{syntheticCalcuttaId}/entries/{entryKey}", DeleteEntry).WithName("DeleteSyntheticEntry").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Delete an entry")
            .WithDescription(Changed)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{syntheticCalcuttaId}/candidates", AttachCandidate).WithName("AttachCandidate").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Attach a Lab candidate")
            .WithDescription("As an entry keyed by the candidate id; attaching it again changes nothing. " + Changed)
            .WithRequestExample("attach", "Attach a candidate by id", new AttachCandidateRequest("cand-0123456789abcdef"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{syntheticCalcuttaId}/candidates/{candidateId}", DetachCandidate).WithName("DetachCandidate").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Detach a Lab candidate")
            .WithDescription(Changed)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{syntheticCalcuttaId}/focus", SetFocus).WithName("SetFocusCandidate").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Set or clear the focus candidate")
            .WithDescription("The attached candidate whose results cohorts report; `null` clears it. " + Changed)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{syntheticCalcuttaId}/excluded-entry", SetExcluded).WithName("SetExcludedEntry").RequireAuthorization(LabPolicies.Analyst)
            .WithSummary("Set or clear the excluded entry")
            .WithDescription("The entry simulations leave out of the field; `null`: nobody. " + Changed)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> Create(
        JsonBody<CreateSyntheticCalcuttaRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await Requests(cluster).CreateSyntheticCalcuttaAsync(body.Json));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> CreateFromCalcutta(
        JsonBody<CopyCalcuttaRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await Requests(cluster).CopyCalcuttaAsync(body.Json));

    /// <summary>Every synthetic calcutta, by id.</summary>
    private static async Task<Ok<SyntheticCalcuttaListResponse>> List(IClusterClient cluster) =>
        TypedResults.Ok(new SyntheticCalcuttaListResponse(await SandboxCatalogReader.ListSyntheticCalcuttasAsync(cluster)));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ProblemHttpResult>> Get(string syntheticCalcuttaId, IClusterClient cluster) =>
        await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).GetAsync() is { } snapshot
            ? TypedResults.Ok(snapshot)
            : ApiProblems.NotFound("Synthetic calcutta", syntheticCalcuttaId);

    /// <summary>A version as a run pinned it.</summary>
    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ProblemHttpResult>> GetVersion(string syntheticCalcuttaId, string digest, IClusterClient cluster) =>
        await cluster.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(syntheticCalcuttaId, digest)).GetAsync() is { } snapshot
            ? TypedResults.Ok(snapshot)
            : ApiProblems.NotFound("Synthetic calcutta version", $"{syntheticCalcuttaId}@{digest}");

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> AddEntry(
        string syntheticCalcuttaId, JsonBody<AddEntryRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await Requests(cluster).AddEntryAsync(syntheticCalcuttaId, body.Json));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> PutEntry(
        string syntheticCalcuttaId, string entryKey, JsonBody<PutEntryRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await Requests(cluster).PutEntryAsync(syntheticCalcuttaId, entryKey, body.Json));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> DeleteEntry(
        string syntheticCalcuttaId, string entryKey, IClusterClient cluster) =>
        SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).DeleteEntryAsync(entryKey));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> AttachCandidate(
        string syntheticCalcuttaId, JsonBody<AttachCandidateRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await Requests(cluster).AttachCandidateAsync(syntheticCalcuttaId, body.Json));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> DetachCandidate(
        string syntheticCalcuttaId, string candidateId, IClusterClient cluster) =>
        SandboxResults.From(await cluster.GetGrain<ISyntheticCalcuttaGrain>(syntheticCalcuttaId).DetachCandidateAsync(candidateId));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> SetFocus(
        string syntheticCalcuttaId, JsonBody<SetFocusCandidateRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await Requests(cluster).SetFocusCandidateAsync(syntheticCalcuttaId, body.Json));

    private static async Task<Results<Ok<SyntheticCalcuttaSnapshot>, ValidationProblem, ProblemHttpResult>> SetExcluded(
        string syntheticCalcuttaId, JsonBody<SetExcludedEntryRequest> body, IClusterClient cluster) =>
        SandboxResults.From(await Requests(cluster).SetExcludedEntryAsync(syntheticCalcuttaId, body.Json));

    private static ISandboxRequestGrain Requests(IClusterClient cluster) => cluster.GetGrain<ISandboxRequestGrain>(0);
}
