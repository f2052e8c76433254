using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>
/// The generator of malformed requests across the document's write operations. A body operation starts from one of
/// its well-formed bodies, takes 0–3 odd values (odd Unicode, long text, extreme numbers) and exactly one break
/// (<see cref="FuzzBreaks"/>) or a route id outside the grammar. An operation without a body (cancel, requeue,
/// delete…) gets a bad route id, or ids that name nothing (404) with or without a stray, oversized or mistyped body,
/// so it can never act on something that exists.
/// </summary>
public sealed class FuzzCases(IReadOnlyList<FuzzOperation> operations, IReadOnlyDictionary<string, string> existingIds)
{
    private static readonly Gen<int> Pick = Gen.Int[0, 1 << 20];

    public Gen<FuzzCase> All => Gen.Int[0, operations.Count - 1].SelectMany(i => For(operations[i]));

    private Gen<FuzzCase> For(FuzzOperation operation) => operation.Body is null ? Bodyless(operation) : WithBody(operation);

    private Gen<FuzzCase> WithBody(FuzzOperation operation)
    {
        var breaks = FuzzBreaks.For(operation);
        if (operation.PathParameters.Count > 0)
        {
            breaks = Gen.Frequency((8, breaks), (1, Gen.Select(Pick, FuzzValues.BadPathId, BadPathId)));
        }

        return Gen.Select(Gen.Int[0, operation.Body!.Bases.Count - 1], Noise.Array[0, 3], breaks, Gen.Bool, (baseIndex, noise, broken, relaxed) =>
        {
            var draft = new FuzzDraft(operation, operation.Body.Bases[baseIndex].DeepClone().AsObject(),
                operation.PathParameters.Select(p => existingIds.TryGetValue(p, out var id) ? id : $"fuzz-missing-{p}").ToArray())
            {
                Relaxed = relaxed,
            };
            foreach (var add in noise)
            {
                add(draft);
            }

            return draft.ToCase(broken(draft));
        });
    }

    private static Gen<FuzzCase> Bodyless(FuzzOperation operation)
    {
        var unknownIds = Pick.Select(n => operation.PathParameters.Select(p => $"fuzz-missing-{p}-{n}").ToArray());
        var stray = Gen.Frequency(
            (4, Gen.Const<Action<FuzzDraft>>(d => d.NoBody = true)),
            (2, FuzzValues.NotJson.Select<byte[], Action<FuzzDraft>>(b => d => d.Bytes = b)),
            (1, Gen.Select(FuzzValues.WrongContentType, FuzzValues.OddText, (type, text) => (Action<FuzzDraft>)(d =>
            {
                d.Bytes = Encoding.UTF8.GetBytes(text);
                d.ContentType = type;
            }))),
            (1, Gen.Select(Gen.Int[1, 50_000], Gen.Bool, (extra, chunked) => (Action<FuzzDraft>)(d =>
            {
                d.Bytes = new byte[(int)LabSandbox.Api.Infrastructure.Hardening.HardeningOptions.DefaultMaxRequestBodyBytes + extra];
                d.Chunked = chunked;
            }))));
        return Gen.Frequency(
            (3, Gen.Select(unknownIds, Pick, FuzzValues.BadPathId, (ids, pick, bad) =>
            {
                var draft = new FuzzDraft(operation, null, ids) { NoBody = true };
                return draft.ToCase(BadPathId(pick, bad)(draft));
            })),
            (3, Gen.Select(unknownIds, stray, (ids, add) =>
            {
                var draft = new FuzzDraft(operation, null, ids);
                add(draft);
                return draft.ToCase(draft.Bytes is null ? "ids that name nothing" : $"ids that name nothing, with a stray body: {draft.Bytes.Length} bytes");
            })));
    }

    private static Func<FuzzDraft, string> BadPathId(int pick, string bad) => draft =>
    {
        var index = pick % draft.PathValues.Length;
        draft.PathValues[index] = bad;
        return $"bad route id: {draft.Operation.PathParameters[index]} = {(bad.Length > 60 ? $"{bad[..20]}… ({bad.Length} chars)" : bad)}";
    };

    /// <summary>Odd values that may or may not be valid on their own; the break makes the request invalid either way.</summary>
    private static readonly Gen<Action<FuzzDraft>> Noise = Gen.Frequency(
        (3, Gen.Select(Pick, FuzzValues.OddText, (pick, text) => SetLeaf(pick, "string", _ => text, "odd Unicode"))),
        (1, Gen.Select(Pick, FuzzValues.LongText, (pick, text) => SetLeaf(pick, "string", _ => text, $"{text.Length}-char string"))),
        (2, Gen.Select(Pick, FuzzValues.ExtremeNumber, (pick, number) =>
            SetLeaf(pick, "number", draft => draft.Raw(Encoding.UTF8.GetBytes(number)), $"number {number}"))),
        (1, Gen.Select(Pick, FuzzValues.OddText, (pick, text) => SetLeaf(pick, "string", _ => "../" + text + "/%2e%2e/", "traversal-like id"))));

    private static Action<FuzzDraft> SetLeaf(int pick, string kind, Func<FuzzDraft, JsonNode?> value, string label) => draft =>
    {
        var leaves = draft.Paths(leaves: true).Where(p => FuzzBodies.KindOf(FuzzBodies.Get(draft.Json!, p)) == kind).ToList();
        if (leaves.Count > 0)
        {
            var path = leaves[pick % leaves.Count];
            FuzzBodies.Set(draft.Json!, path, value(draft));
            draft.Noise.Add($"{label} at {FuzzBreaks.Name(path)}");
        }
    };
}
