using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Identities.Deactivating;

public sealed class DeactivateIdentityInput : IdentityWriteInput;

public static class DeactivateIdentity
{
    public static IReadOnlyList<object> Decide(Identity identity, string reason)
    {
        identity.EnsureActive();
        return [new IdentityDeactivated(reason)];
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("deactivateIdentity")
            .Description("Deactivates an identity (e.g. registered in error). Its GID keeps resolving; a reason is required.")
            .Argument<NonNullGraphType<DeactivateIdentityInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DeactivateIdentityInput>("input");
                var request = ctx.WriteRequest(input, reasonRequired: true);
                return await Writes.RunAsync(ctx.Store(), request, "deactivateIdentity", input,
                    (session, ct) => Writes.AppendAsync(session, input.Gid, input.ExpectedVersion, identity => Decide(identity, request.Reason!), ct),
                    ctx.CancellationToken);
            });
}

public sealed class DeactivateIdentityInputGraphType : InputObjectGraphType<DeactivateIdentityInput>
{
    public DeactivateIdentityInputGraphType()
    {
        Name = "DeactivateIdentityInput";
        this.AddWriteFields();
    }
}
