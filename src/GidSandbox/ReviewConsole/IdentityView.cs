using System.Text.Json.Nodes;

namespace GidSandbox.ReviewConsole;

/// <summary>The parts of an identity as the identity page shows them, whether as it is now or as it was.</summary>
public static class IdentityView
{
    public static Html Status(JsonObject identity)
    {
        var status = HomePage.Text(identity, "status");
        return status switch
        {
            "MERGED" => Html.Of($"""<p class="status merged" role="status">Merged into <a href="{IdentityPage.PathOf(HomePage.Text(identity, "mergedInto"))}"><code>{HomePage.Text(identity, "mergedInto")}</code></a>: that identity lives on.</p>"""),
            "ERASED" => Html.Of($"""<p class="status erased" role="status">Erased on {ErasedOn(identity)} under governance decision {HomePage.Text(identity["erasure"], "decisionReference")}: nothing of the person is held.</p>"""),
            "DEACTIVATED" => Html.Of($"""<p class="status deactivated" role="status">Deactivated: {HomePage.Text(identity, "deactivationReason")}</p>"""),
            _ => Html.Of($"""<p class="status active">Active</p>"""),
        };
    }

    private static string ErasedOn(JsonObject identity) => HomePage.Text(identity["erasure"], "erasedAt") is { Length: >= 10 } at ? at[..10] : "";

    public static Html Names(JsonObject identity)
    {
        var rows = identity["names"]!.AsArray().OfType<JsonObject>()
            .OrderBy(n => HomePage.Text(n, "script"), StringComparer.Ordinal)
            .ThenBy(n => HomePage.Text(n, "type"), StringComparer.Ordinal)
            .Select(n => Html.Of($"""
                <tr>
                  <td lang="{n["language"]?.GetValue<string>() ?? ""}" dir="auto">{HomePage.Text(n, "text")}</td>
                  <td>{HomePage.Text(n, "script")}</td>
                  <td>{HomePage.Text(n, "type")}</td>
                  <td>{HomePage.Text(n, "language")}</td>
                  <td>{(n["primary"]?.GetValue<bool>() == true ? "primary" : "")}</td>
                  <td>{Source(n)}</td>
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
    private static Html Source(JsonObject item) =>
        item["assertedAt"] is { } at
            ? Html.Of($"""{HomePage.Text(item, "assertedBy")} <time datetime="{at.GetValue<string>()}">{at.GetValue<string>()[..10]}</time>""")
            : Html.Of($"{HomePage.Text(item, "assertedBy")}");

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

    public static Html Facts(JsonObject identity, IReadOnlyDictionary<string, JsonObject> related)
    {
        var parent = identity["parent"] is { } p
            ? Party(p.GetValue<string>(), related)
            : Html.Of($"none recorded");
        var subsidiaries = identity["subsidiaries"] is JsonArray { Count: > 0 } children
            ? Html.Join(children.Select(c => Html.Of($"<li>{Party(c!.GetValue<string>(), related)}</li>")))
            : Html.Of($"<li>none recorded</li>");
        // Each part isolated (a postal code between two Arabic parts is not reordered), in the order the address's own script reads.
        var addressParts = identity["address"] is JsonObject a
            ? a["lines"]!.AsArray().Select(l => l!.GetValue<string>()).Append(HomePage.Text(a, "postalCode")).Append(HomePage.Text(a, "city")).Append(HomePage.Text(a, "country")).ToList()
            : null;
        var address = addressParts is not null
            ? Html.Of($"""<dd class="address" dir="{DirectionOf(string.Concat(addressParts))}">{Html.Join(addressParts.Select((part, i) => Html.Of($"{(i == 0 ? "" : ", ")}<bdi>{part}</bdi>")))}</dd>""")
            : Html.Of($"<dd>{(identity["personalDetailsWithheld"]?.GetValue<bool>() == true ? "withheld (personal data of another office's natural person)" : "none")}</dd>");
        var entity = HomePage.Text(identity, "kind") == "LEGAL_ENTITY";
        var kindFacts = entity
            ? Html.Of($"""
                <dt>Legal form</dt><dd>{HomePage.Text(identity, "legalFormName")}</dd>
                <dt>Registration</dt><dd>{HomePage.Text(identity, "registrationAuthority")} {HomePage.Text(identity, "registrationNumber")}</dd>
                <dt>Parent</dt><dd>{parent}</dd>
                <dt>Subsidiaries (now)</dt><dd><ul class="subsidiaries">{subsidiaries}</ul></dd>
                """)
            : Html.Of($"""
                <dt>ORCID</dt><dd>{HomePage.Text(identity, "orcid")}</dd>
                <dt>ISNI</dt><dd>{HomePage.Text(identity, "isni")}</dd>
                """);
        return Html.Of($"""
            <section aria-labelledby="facts">
              <h2 id="facts">Facts</h2>
              <dl class="facts">
                <dt>Kind</dt><dd>{HomePage.Text(identity, "kind")}</dd>
                <dt>Country</dt><dd>{HomePage.Text(identity, "country")}</dd>
                <dt>Registered by</dt><dd>{HomePage.Text(identity, "registeringOffice")}{(identity["registeredAt"]?.GetValue<string>() is { Length: >= 10 } on ? $" on {on[..10]}" : "")}</dd>
                <dt>Managed by</dt><dd>{HomePage.Text(identity, "managingOffice")}{(identity["transferRequestedBy"] is { } asked ? $" ({asked.GetValue<string>()} asked to take it over)" : "")}</dd>
                {kindFacts}
                <dt>Address</dt>{address}
                <dt>Version</dt><dd>{HomePage.Text(identity, "version")}</dd>
                <dt>Data</dt><dd>{(identity["synthetic"]?.GetValue<bool>() == true ? "synthetic (mock data)" : "—")}</dd>
              </dl>
            </section>
            """);
    }

    public static Html Identifiers(JsonObject identity)
    {
        var rows = identity["externalIdentifiers"]!.AsArray().OfType<JsonObject>()
            .Select(x => Html.Of($"<tr><td>{HomePage.Text(x, "issuer")}</td><td>{HomePage.Text(x, "scheme")}</td><td><code>{HomePage.Text(x, "value")}</code></td><td>{Source(x)}</td></tr>"))
            .ToList();
        var lei = identity["lei"] is { } l ? Html.Of($"<p>LEI <code>{l.GetValue<string>()}</code></p>") : Html.Empty;
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
    public static Html Party(string gid, IReadOnlyDictionary<string, JsonObject> related) =>
        related.TryGetValue(gid, out var party) && party["primaryName"]?["text"]?.GetValue<string>() is { } name
            ? Html.Of($"""<a href="{IdentityPage.PathOf(gid)}" dir="auto">{name}</a> <code class="gid">{gid}</code>{(HomePage.Text(party, "status") == "ACTIVE" ? "" : $" ({HomePage.Text(party, "status").ToLowerInvariant()})")}""")
            : Html.Of($"""<a href="{IdentityPage.PathOf(gid)}"><code>{gid}</code></a>""");

    /// <summary>The group as GLEIF draws it: the parent above, this entity, its subsidiaries below.</summary>
    public static Html Group(JsonObject identity, IReadOnlyDictionary<string, JsonObject> related)
    {
        var children = identity["subsidiaries"]?.AsArray().Select(c => c!.GetValue<string>()).ToList() ?? [];
        if (identity["parent"] is null && children.Count == 0)
        {
            return Html.Empty;
        }

        var gid = identity["gid"]!.GetValue<string>();
        var self = Html.Of($"""<span class="node self" dir="auto">{identity["primaryName"]?["text"]?.GetValue<string>() ?? gid}</span>""");
        var below = children.Count == 0
            ? Html.Empty
            : Html.Of($"""<ul>{children.Select(c => Html.Of($"""<li><span class="node">{Party(c, related)}</span></li>"""))}</ul>""");
        var tree = identity["parent"] is { } p
            ? Html.Of($"""<ul><li><span class="node">{Party(p.GetValue<string>(), related)}</span><ul><li>{self}{below}</li></ul></li></ul>""")
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
    public static Html MergedFrom(JsonObject identity)
    {
        var merged = identity["mergedFrom"]?.AsArray().Select(g => g!.GetValue<string>()).ToList() ?? [];
        return merged.Count == 0
            ? Html.Empty
            : Html.Of($"""<p class="merged-from">Merged into this identity: {Html.Join(merged.Select((g, i) => Html.Of($"""{(i == 0 ? "" : ", ")}<a href="{IdentityPage.PathOf(g)}"><code>{g}</code></a>""")))}</p>""");
    }
}
