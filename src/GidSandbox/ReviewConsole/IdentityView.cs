namespace GidSandbox.ReviewConsole;

/// <summary>An identity as the identity page asks for it (<c>IdentityFields</c>), as it is now or as it was.</summary>
public sealed record IdentityRecord(
    string Gid, string? Kind, string? Status, string? Country, string? RegisteringOffice, string? ManagingOffice, string? TransferRequestedBy,
    long Version, string? MergedInto, IReadOnlyList<string>? MergedFrom, string? RegisteredAt, string? DeactivationReason, ErasureView? Erasure,
    string? Parent, IReadOnlyList<string>? Subsidiaries, NameView? PrimaryName, string? Lei, string? LegalFormName, string? RegistrationAuthority,
    string? RegistrationNumber, string? Orcid, string? Isni, bool Synthetic, bool PersonalDetailsWithheld,
    IReadOnlyList<AssertedName> Names, IReadOnlyList<AssertedIdentifier> ExternalIdentifiers, AddressView? Address);

/// <summary>When and under which governance decision an identity was erased.</summary>
public sealed record ErasureView(string? ErasedAt, string? DecisionReference);

/// <summary>A name with the office that asserted it.</summary>
public sealed record AssertedName(string Text, string? Script, string? Language, string? Type, bool Primary, string? AssertedBy, string? AssertedAt);

/// <summary>An office's identifier with the office that asserted it.</summary>
public sealed record AssertedIdentifier(string? Scheme, string? Issuer, string? Value, string? AssertedBy, string? AssertedAt);

/// <summary>An identity a page names beside another (a parent, a subsidiary), by its primary name.</summary>
public sealed record RelatedView(string Gid, string? Status, NameView? PrimaryName);

/// <summary>The parts of an identity as the identity page shows them, whether as it is now or as it was.</summary>
public static class IdentityView
{
    public static Html Status(IdentityRecord identity) => identity.Status switch
    {
        "MERGED" => Html.Of($"""<p class="status merged" role="status">Merged into <a href="{IdentityPage.PathOf(Views.Shown(identity.MergedInto))}"><code>{Views.Shown(identity.MergedInto)}</code></a>: that identity lives on.</p>"""),
        "ERASED" => Html.Of($"""<p class="status erased" role="status">Erased on {ErasedOn(identity)} under governance decision {Views.Shown(identity.Erasure?.DecisionReference)}: nothing of the person is held.</p>"""),
        "DEACTIVATED" => Html.Of($"""<p class="status deactivated" role="status">Deactivated: {Views.Shown(identity.DeactivationReason)}</p>"""),
        _ => Html.Of($"""<p class="status active">Active</p>"""),
    };

    private static string ErasedOn(IdentityRecord identity) => Views.Shown(identity.Erasure?.ErasedAt) is { Length: >= 10 } at ? at[..10] : "";

    public static Html Names(IdentityRecord identity)
    {
        var rows = identity.Names
            .OrderBy(n => Views.Shown(n.Script), StringComparer.Ordinal)
            .ThenBy(n => Views.Shown(n.Type), StringComparer.Ordinal)
            .Select(n => Html.Of($"""
                <tr>
                  <td lang="{n.Language ?? ""}" dir="auto">{n.Text}</td>
                  <td>{Views.Shown(n.Script)}</td>
                  <td>{Views.Shown(n.Type)}</td>
                  <td>{Views.Shown(n.Language)}</td>
                  <td>{(n.Primary ? "primary" : "")}</td>
                  <td>{Source(n.AssertedBy, n.AssertedAt)}</td>
                </tr>
                """));
        return Html.Of($"""
            <section aria-labelledby="names">
              <h2 id="names">Names</h2>
              <table>
                <caption>By script, then type</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">Script</th><th scope="col">Type</th><th scope="col">Language</th><th scope="col"><span class="visually-hidden">Primary</span></th><th scope="col">Asserted by</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </section>
            """);
    }

    /// <summary>The office whose assertion an item is, with when: only it (or governance) changes it.</summary>
    private static Html Source(string? assertedBy, string? assertedAt) =>
        assertedAt is { } at
            ? Html.Of($"""{Views.Shown(assertedBy)} <time datetime="{at}">{at[..10]}</time>""")
            : Html.Of($"{Views.Shown(assertedBy)}");

    /// <summary>
    /// Right to left when the first letter is of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
    /// presentation forms), as <c>dir="auto"</c> would decide had the parts not been isolated each in a <c>bdi</c>.
    /// </summary>
    public static string DirectionOf(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                return "rtl";
            }

            if (char.IsLetter(c))
            {
                return "ltr";
            }
        }

        return "ltr";
    }

    public static Html Facts(IdentityRecord identity, IReadOnlyDictionary<string, RelatedView> related)
    {
        var parent = identity.Parent is { } p
            ? Party(p, related)
            : Html.Of($"none recorded");
        var subsidiaries = identity.Subsidiaries is { Count: > 0 } children
            ? Html.Join(children.Select(c => Html.Of($"<li>{Party(c, related)}</li>")))
            : Html.Of($"<li>none recorded</li>");
        // Each part isolated (a postal code between two Arabic parts is not reordered), in the order the address's own script reads.
        var addressParts = identity.Address is { } a
            ? a.Lines.Append(Views.Shown(a.PostalCode)).Append(Views.Shown(a.City)).Append(Views.Shown(a.Country)).ToList()
            : null;
        var address = addressParts is not null
            ? Html.Of($"""<dd class="address" dir="{DirectionOf(string.Concat(addressParts))}">{Html.Join(addressParts.Select((part, i) => Html.Of($"{(i == 0 ? "" : ", ")}<bdi>{part}</bdi>")))}</dd>""")
            : Html.Of($"<dd>{(identity.PersonalDetailsWithheld ? "withheld (personal data of another office's natural person)" : "none")}</dd>");
        var entity = identity.Kind == "LEGAL_ENTITY";
        var kindFacts = entity
            ? Html.Of($"""
                <dt>Legal form</dt><dd>{Views.Shown(identity.LegalFormName)}</dd>
                <dt>Registration</dt><dd>{Views.Shown(identity.RegistrationAuthority)} {Views.Shown(identity.RegistrationNumber)}</dd>
                <dt>Parent</dt><dd>{parent}</dd>
                <dt>Subsidiaries (now)</dt><dd><ul class="subsidiaries">{subsidiaries}</ul></dd>
                """)
            : Html.Of($"""
                <dt>ORCID</dt><dd>{Views.Shown(identity.Orcid)}</dd>
                <dt>ISNI</dt><dd>{Views.Shown(identity.Isni)}</dd>
                """);
        return Html.Of($"""
            <section aria-labelledby="facts">
              <h2 id="facts">Facts</h2>
              <dl class="facts">
                <dt>Kind</dt><dd>{Views.Shown(identity.Kind)}</dd>
                <dt>Country</dt><dd>{Views.Shown(identity.Country)}</dd>
                <dt>Registered by</dt><dd>{Views.Shown(identity.RegisteringOffice)}{(identity.RegisteredAt is { Length: >= 10 } on ? $" on {on[..10]}" : "")}</dd>
                <dt>Managed by</dt><dd>{Views.Shown(identity.ManagingOffice)}{(identity.TransferRequestedBy is { } asked ? $" ({asked} asked to take it over)" : "")}</dd>
                {kindFacts}
                <dt>Address</dt>{address}
                <dt>Version</dt><dd>{identity.Version}</dd>
                <dt>Data</dt><dd>{(identity.Synthetic ? "synthetic (mock data)" : "—")}</dd>
              </dl>
            </section>
            """);
    }

    public static Html Identifiers(IdentityRecord identity)
    {
        var rows = identity.ExternalIdentifiers
            .Select(x => Html.Of($"<tr><td>{Views.Shown(x.Issuer)}</td><td>{Views.Shown(x.Scheme)}</td><td><code>{Views.Shown(x.Value)}</code></td><td>{Source(x.AssertedBy, x.AssertedAt)}</td></tr>"))
            .ToList();
        var lei = identity.Lei is { } l ? Html.Of($"<p>LEI <code>{l}</code></p>") : Html.Empty;
        var table = rows.Count == 0
            ? Html.Of($"<p>No office has linked a local identifier.</p>")
            : Html.Of($"""
                <table>
                  <caption>Offices' local identifiers</caption>
                  <thead><tr><th scope="col">Issuer</th><th scope="col">Scheme</th><th scope="col">Value</th><th scope="col">Asserted by</th></tr></thead>
                  <tbody>{rows}</tbody>
                </table>
                """);
        return Html.Of($"""
            <section aria-labelledby="identifiers">
              <h2 id="identifiers">Identifiers</h2>
              {lei}
              {table}
            </section>
            """);
    }

    /// <summary>A related identity by its name, with its GID; a GID alone where it is not known.</summary>
    public static Html Party(string gid, IReadOnlyDictionary<string, RelatedView> related) =>
        related.TryGetValue(gid, out var party) && party.PrimaryName?.Text is { } name
            ? Html.Of($"""<a href="{IdentityPage.PathOf(gid)}" dir="auto">{name}</a> <code class="gid">{gid}</code>{(party.Status == "ACTIVE" ? "" : $" ({Views.Shown(party.Status).ToLowerInvariant()})")}""")
            : Html.Of($"""<a href="{IdentityPage.PathOf(gid)}"><code>{gid}</code></a>""");

    /// <summary>The group as GLEIF draws it: the parent above, this entity, its subsidiaries below.</summary>
    public static Html Group(IdentityRecord identity, IReadOnlyDictionary<string, RelatedView> related)
    {
        var children = identity.Subsidiaries ?? [];
        if (identity.Parent is null && children.Count == 0)
        {
            return Html.Empty;
        }

        var gid = identity.Gid;
        var self = Html.Of($"""<span class="node self" dir="auto">{identity.PrimaryName?.Text ?? gid}</span>""");
        var below = children.Count == 0
            ? Html.Empty
            : Html.Of($"""<ul>{children.Select(c => Html.Of($"""<li><span class="node">{Party(c, related)}</span></li>"""))}</ul>""");
        var tree = identity.Parent is { } p
            ? Html.Of($"""<ul><li><span class="node">{Party(p, related)}</span><ul><li>{self}{below}</li></ul></li></ul>""")
            : Html.Of($"""<ul><li>{self}{below}</li></ul>""");
        return Html.Of($"""
            <section aria-labelledby="group">
              <h2 id="group">Group</h2>
              <figure class="group" aria-labelledby="group-caption">
                <div class="tree">{tree}</div>
                <figcaption id="group-caption" class="hint">Parent above, subsidiaries below, as the registry holds them now.</figcaption>
              </figure>
            </section>
            """);
    }

    /// <summary>The GIDs merged into a survivor: they still resolve, to records that point here.</summary>
    public static Html MergedFrom(IdentityRecord identity)
    {
        var merged = identity.MergedFrom ?? [];
        return merged.Count == 0
            ? Html.Empty
            : Html.Of($"""<p class="merged-from">Merged into this identity: {Html.Join(merged.Select((g, i) => Html.Of($"""{(i == 0 ? "" : ", ")}<a href="{IdentityPage.PathOf(g)}"><code>{g}</code></a>""")))}</p>""");
    }
}
