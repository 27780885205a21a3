using GidSandbox.Identities.Linking;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace GidSandbox.Matching;

public static class MatchingRegistration
{
    /// <summary>The match profiles, their exact-key and pg_trgm GIN indexes and the columns candidates are filtered on.</summary>
    public static void ConfigureMatching(this StoreOptions options)
    {
        // Created with the schema, so any database the registry is pointed at gets the trigram operators.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        options.Projections.Add<MatchProfileProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<MatchProfile>()
            .Duplicate(x => x.SearchText, configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.Mask = "? gin_trgm_ops";
            })
            .Duplicate(x => x.ExactKeys, pgType: "text[]", configure: index => index.Method = IndexMethod.gin)
            .Duplicate(x => x.Kind)
            .Duplicate(x => x.Country)
            .Duplicate(x => x.Status);
        // Searching by an identifier's value alone ("520000123"), whoever issued it.
        options.Schema.For<ExternalIdentifierClaim>().Index(x => x.Identifier.Value);
    }
}
