using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.GraphQL;

public static class IdentityWriteField
{
    /// <summary>
    /// Adds a mutation that appends to one identity's stream what the use case decides, through
    /// the one write path (actor, idempotency, expected version, conflicts).
    /// </summary>
    /// <param name="decide">Parses the input (refusing bad fields) and gives the decision to take on the current identity.</param>
    /// <param name="alongside">More work in the same transaction, such as claiming an external identifier.</param>
    public static void AddIdentityWrite<TInput, TInputGraphType>(
        this ObjectGraphType mutation,
        string name,
        string description,
        Func<TInput, Func<Identity, IReadOnlyList<object>>> decide,
        bool reasonRequired = false,
        Func<IDocumentSession, TInput, CancellationToken, Task>? alongside = null)
        where TInput : IdentityWriteInput
        where TInputGraphType : InputObjectGraphType<TInput> =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<TInput>("input");
                var request = ctx.WriteRequest(input, reasonRequired);
                var decision = decide(input);
                return await Writes.RunAsync(ctx.Store(), request, name, input,
                    async (session, ct) =>
                    {
                        var identity = await Writes.AppendAsync(session, input.Gid, input.ExpectedVersion, decision, ct);
                        if (alongside is not null)
                        {
                            await alongside(session, input, ct);
                        }

                        return identity;
                    },
                    ctx.CancellationToken);
            });
}
