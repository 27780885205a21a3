using GidSandbox.Access;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.GraphQL;

public static class IdentityWriteField
{
    /// <summary>
    /// Adds a mutation whose input becomes one identity command, carried out by the one write pipeline
    /// (<see cref="Writes.RunAsync(Marten.IDocumentStore, WriteRequest, Writer, string, object, IIdentityCommand, CancellationToken)"/>):
    /// ownership, idempotency, expected versions, conflicts.
    /// </summary>
    /// <param name="command">Parses the input into the command, refusing bad fields.</param>
    /// <param name="governanceCorrects">Whether governance (governance:admin) may make this correction too.</param>
    public static void AddIdentityWrite<TInput, TInputGraphType>(
        this ObjectGraphType mutation,
        string name,
        string description,
        Func<TInput, IIdentityCommand> command,
        bool reasonRequired = false,
        string? scope = null,
        bool governanceCorrects = false)
        where TInputGraphType : InputObjectGraphType<TInput> =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraphType>>("input")
            .Configure(field =>
            {
                if (scope is not null)
                {
                    field.Metadata[ScopeRule.RequiredScope] = scope;
                }

                if (governanceCorrects)
                {
                    // A correction governance may make on any identity (Ownership says which); it holds governance:admin, not gid:write.
                    field.Metadata[ScopeRule.AlternativeScope] = Scopes.GovernanceAdmin;
                }
            })
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<TInput>("input")!;
                var request = input is IWriteInput write ? ctx.WriteRequest(write.IdempotencyKey, write.Reason, reasonRequired) : ctx.WriteRequest(null, null, reasonRequired);
                return await Writes.RunAsync(ctx.Store(), request, ctx.Writer(), name, input, command(input), ctx.CancellationToken);
            });
}
