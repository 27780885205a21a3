using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Deactivating;

public sealed class ReactivateIdentityInput : IdentityWriteInput;

public static class ReactivateIdentity
{
    public static IReadOnlyList<object> Decide(Identity identity)
    {
        if (identity.Status != IdentityStatus.Deactivated)
        {
            throw Refusal.Conflict(identity.Status == IdentityStatus.Merged
                ? $"{identity.Id} was merged into {identity.MergedInto}; a merged GID cannot be reactivated."
                : $"{identity.Id} is active already.");
        }

        return [new IdentityReactivated()];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("reactivateIdentity")
            .Description("Reactivates a deactivated identity. A reason is required.")
            .Argument<NonNullGraphType<ReactivateIdentityInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ReactivateIdentityInput>("input");
                return await Writes.RunAsync(ctx.Store(), ctx.WriteRequest(input, reasonRequired: true), "reactivateIdentity", input,
                    (session, ct) => Writes.AppendAsync(session, input.Gid, input.ExpectedVersion, Decide, ct),
                    ctx.CancellationToken);
            });
}

public sealed class ReactivateIdentityInputGraphType : InputObjectGraphType<ReactivateIdentityInput>
{
    public ReactivateIdentityInputGraphType()
    {
        Name = "ReactivateIdentityInput";
        this.AddWriteFields();
    }
}
