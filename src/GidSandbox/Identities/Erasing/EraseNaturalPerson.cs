using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Terms;
using GraphQL;
using GraphQL.Types;
using Marten;
using NodaTime;

namespace GidSandbox.Identities.Erasing;

public sealed class EraseNaturalPersonInput : IWriteInput
{
    public Gid Gid { get; set; }

    public long? ExpectedVersion { get; set; }

    public string RequestReference { get; set; } = "";

    public LocalDate RequestReceivedOn { get; set; }

    public string DecisionReference { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    public string? IdempotencyKey { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// Governance erases a natural person on a decision (docs/ownership.md, governance/data-protection.md): the decision
/// goes on the person's identity and every identity merged into it; then <see cref="ErasureExecution"/> masks every
/// event that holds their data. The GID stays, reading ERASED with the date and the decision's reference.
/// </summary>
public sealed record EraseNaturalPerson(Gid Gid, long? ExpectedVersion, IReadOnlyList<Gid> MergedFrom, string RequestReference, LocalDate RequestReceivedOn, string DecisionReference, string LegalBasis) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion), .. MergedFrom.Select(g => (g, (long?)null))];

    public Decision Decide(Facts facts, Writer by)
    {
        var person = facts.Get(Gid);
        if (person.Kind != IdentityKind.NaturalPerson)
        {
            throw Refusal.Invalid("input.gid", $"{Gid} is a legal entity; only a natural person's data is erased. Correct or deactivate a legal entity instead.");
        }

        if (person.Status == IdentityStatus.Merged)
        {
            throw Refusal.Conflict($"{Gid} was merged into {person.MergedInto}: erase {person.MergedInto}, the person's surviving identity, which erases {Gid} with it.");
        }

        if (person.Status == IdentityStatus.Erased)
        {
            throw Refusal.Conflict($"{Gid} was already erased on {person.Erasure!.ErasedAt:uuuu-MM-dd} under decision {person.Erasure.DecisionReference}.");
        }

        if (RequestReceivedOn > TermsOfUseBook.Today(by.At))
        {
            throw Refusal.Invalid("input.requestReceivedOn", "The request cannot have been received after today.");
        }

        var erased = new IdentityErased(Gid, RequestReference, RequestReceivedOn, DecisionReference, LegalBasis, by.At);
        return new Decision(Gid,
            [new Appended(Gid, [erased]), .. MergedFrom.Where(g => facts.Get(g).Status != IdentityStatus.Erased).Select(g => new Appended(g, [erased]))]);
    }

    public static EraseNaturalPerson From(EraseNaturalPersonInput input, IReadOnlyList<Gid> mergedFrom)
    {
        var problems = new Problems();
        InputRules.CheckText(problems, "input.requestReference", input.RequestReference, InputRules.MaxShortText);
        InputRules.CheckText(problems, "input.decisionReference", input.DecisionReference, InputRules.MaxShortText);
        InputRules.CheckText(problems, "input.legalBasis", input.LegalBasis, InputRules.MaxReason);
        problems.ThrowIfAny();
        return new EraseNaturalPerson(input.Gid, input.ExpectedVersion, mergedFrom, input.RequestReference.Trim(), input.RequestReceivedOn, input.DecisionReference.Trim(), input.LegalBasis.Trim());
    }

    /// <summary>Every identity merged into <paramref name="gid"/>, directly or through another merge: the same person's other GIDs.</summary>
    public static async Task<IReadOnlyList<Gid>> MergedIntoAsync(IQuerySession session, Gid gid, CancellationToken ct)
    {
        var found = new List<Gid>();
        var next = new Queue<string>([gid.Value]);
        while (next.TryDequeue(out var survivor) && found.Count < 1_000)
        {
            foreach (var merged in await session.Query<Identity>().Where(i => i.MergedInto == survivor).Select(i => i.Id).ToListAsync(ct))
            {
                found.Add(Gid.Parse(merged));
                next.Enqueue(merged);
            }
        }

        return found;
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("eraseNaturalPerson")
            .Description("Governance: erases a natural person on a decision, with the request and the legal basis. Every event holding their data, on this identity, those merged into it and their challenges, is masked; the GID stays and reads ERASED. Retrying with the same decision reference completes an erasure cut short.")
            .Argument<NonNullGraphType<EraseNaturalPersonInputGraphType>>("input")
            .Configure(field => field.Metadata[ScopeRule.RequiredScope] = Scopes.GovernanceAdmin)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<EraseNaturalPersonInput>("input");
                var request = ctx.WriteRequest(input.IdempotencyKey, input.Reason);
                var store = ctx.Store();
                IReadOnlyList<Gid> mergedFrom;
                Identity? current;
                await using (var query = store.QuerySession())
                {
                    mergedFrom = await MergedIntoAsync(query, input.Gid, ctx.CancellationToken);
                    current = await query.LoadAsync<Identity>(input.Gid.Value, ctx.CancellationToken);
                }

                var command = From(input, mergedFrom);
                var replayed = current?.Erasure?.DecisionReference == command.DecisionReference && ctx.Writer().Governance;
                if (!replayed)
                {
                    await Writes.RunAsync(store, request, ctx.Writer(), "eraseNaturalPerson", input, command, ctx.CancellationToken);
                }

                var identity = await ErasureExecution.RunAsync(store, request, command.DecisionReference, [command.Gid, .. mergedFrom], ctx.CancellationToken);
                return new IdentityPayload(identity, replayed);
            });
}

public sealed class EraseNaturalPersonInputGraphType : InputObjectGraphType<EraseNaturalPersonInput>
{
    public EraseNaturalPersonInputGraphType()
    {
        Name = "EraseNaturalPersonInput";
        Field(x => x.Gid, type: typeof(NonNullGraphType<GidGraphType>));
        Field(x => x.ExpectedVersion, nullable: true);
        Field(x => x.RequestReference).Description("The person's verified request, as governance filed it.");
        Field(x => x.RequestReceivedOn, type: typeof(NonNullGraphType<LocalDateGraphType>));
        Field(x => x.DecisionReference).Description("The governance decision to erase; also what the GID reads afterwards.");
        Field(x => x.LegalBasis).Description("The law and article the decision applies, e.g. the right to erasure.");
        Field(x => x.IdempotencyKey, nullable: true);
        Field(x => x.Reason, nullable: true);
    }
}
