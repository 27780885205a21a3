using System.Text.Json;
using System.Text.Json.Nodes;
using GidSandbox.MockData;

namespace GidSandbox.Benchmarks.Scenarios;

/// <summary>What a walk-through did, for whoever ran it to check.</summary>
public sealed record WalkThroughResult(string Survivor, string Duplicate, string LinkedNumber, string DuplicateNumber);

/// <summary>
/// The walk-through an office runs with mock data, over the public GraphQL API only: accept the
/// Terms, register a party, register it again under another office's spelling, link a local
/// applicant number, merge the duplicate, and look the merged GID up. The party comes from the
/// mock world; its applicant numbers are fresh, so the walk-through can run again on the same registry.
/// </summary>
public static class OfficeWalkThrough
{
    /// <param name="graphQL">Sends one operation with a real access token and returns the whole JSON response.</param>
    public static async Task<WalkThroughResult> RunAsync(Func<string, object?, Task<JsonObject>> graphQL, Action<string> report, int seed)
    {
        JsonNode Succeeded(string step, JsonObject response)
        {
            if (response["errors"] is JsonArray { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"{step} failed: {errors.ToJsonString()}");
            }

            report(step);
            return response["data"]!;
        }

        async Task<JsonNode> Data(string step, string query, object? variables = null) => Succeeded(step, await graphQL(query, variables));

        // A registration the duplicate check refuses, with the candidates it names (none when it was stored).
        async Task<(string? Gid, string[] Candidates)> TryRegister(string step, string query, object input)
        {
            var response = await graphQL(query, new { input });
            var error = (response["errors"] as JsonArray)?.FirstOrDefault();
            if (error?["extensions"]?["code"]?.GetValue<string>() == "POSSIBLE_DUPLICATE")
            {
                var candidates = error["extensions"]!["candidates"]!.AsArray().Select(c => c!["gid"]!.GetValue<string>()).ToArray();
                report($"{step}: refused as a possible duplicate of {string.Join(", ", candidates)}");
                return (null, candidates);
            }

            return (Succeeded(step, response)["registerLegalEntity"]!["identity"]!["gid"]!.GetValue<string>(), []);
        }

        var me = await Data("Who am I", "{ me { office clientId scopes } }");
        var office = me["me"]!["office"]!.GetValue<string>();
        var terms = await Data("Read the Terms of Use in force", "{ termsOfUse { version sha256 } }");
        await Data("Accept them", "mutation ($v: String!, $h: String!) { acceptTermsOfUse(version: $v, sha256: $h) { acceptedVersion } }",
            new { v = terms["termsOfUse"]!["version"]!.GetValue<string>(), h = terms["termsOfUse"]!["sha256"]!.GetValue<string>() });

        var (party, duplicate) = APartyRegisteredTwice(seed);
        var numbers = Enumerable.Range(0, 3).Select(_ => MockOffices.ApplicantNumber(office, 36_000_000 + Random.Shared.Next(50_000_000), legalEntity: true, 2026)).ToArray();
        party.ExternalIdentifiers = [new() { Scheme = MockOffices.Scheme, Issuer = office, Value = numbers[0] }];
        party.Parent = null;
        duplicate.ExternalIdentifiers = [new() { Scheme = MockOffices.Scheme, Issuer = office, Value = numbers[1] }];

        const string Register = "mutation ($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { identity { gid names { text } } } }";
        var (survivor, earlier) = await TryRegister($"Register {party.Names[0].Text}", Register, Json(party)!);
        if (survivor is null)
        {
            // An earlier walk-through on this registry registered the party; this run works on a copy of its own.
            party.DuplicateOverride = new() { Reason = $"Walk-through run again; the earlier run's {earlier[0]} is left as it is." };
            survivor = (await TryRegister($"Register {party.Names[0].Text} again for this run", Register, Json(party)!)).Gid
                ?? throw new InvalidOperationException("The registration with an override was refused as a duplicate.");
        }

        var (_, candidates) = await TryRegister($"Register it again as {duplicate.Names[0].Text} (a true duplicate)", Register, Json(duplicate)!);
        if (!candidates.Contains(survivor))
        {
            throw new InvalidOperationException($"The duplicate check did not name {survivor} for {duplicate.Names[0].Text}.");
        }

        duplicate.DuplicateOverride = new() { Reason = "Registered twice under two spellings before the duplicate check, as in the mock world; merged next." };
        var merged = (await TryRegister("Register it anyway, as the second office once did", Register, Json(duplicate)!)).Gid
            ?? throw new InvalidOperationException("The registration with an override was refused as a duplicate.");

        await Data($"Link the local applicant number {numbers[2]} to {survivor}",
            "mutation ($input: LinkExternalIdInput!) { linkExternalId(input: $input) { identity { version } } }",
            new { input = new { gid = survivor, identifier = new { scheme = MockOffices.Scheme, issuer = office, value = numbers[2] } } });
        await Data($"Merge {merged} into {survivor}",
            "mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { gid } } }",
            new { input = new { survivor, merged, reason = "Same party registered twice under two spellings (mock-data walk-through)." } });

        var lookup = await Data($"Look up the merged GID {merged}",
            "query ($gid: Gid!) { merged: identity(gid: $gid) { status mergedInto } followed: identity(gid: $gid, followMerges: true) { gid } }", new { gid = merged });
        var resolved = await Data($"Resolve its applicant number {numbers[1]}",
            "query ($v: String!, $i: String!) { resolveExternalId(scheme: \"applicant-number\", value: $v, issuer: $i) { gid } }", new { v = numbers[1], i = office });
        if (lookup["merged"]!["mergedInto"]?.GetValue<string>() != survivor || lookup["followed"]!["gid"]!.GetValue<string>() != survivor
            || resolved["resolveExternalId"]!["gid"]!.GetValue<string>() != survivor)
        {
            throw new InvalidOperationException($"The merged GID {merged} does not lead to {survivor}: {lookup.ToJsonString()} {resolved.ToJsonString()}");
        }

        report($"{merged} is MERGED into {survivor}; its applicant number resolves to {survivor}");
        return new WalkThroughResult(survivor, merged, numbers[2], numbers[1]);
    }

    /// <summary>The first legal entity of a small mock world that offices registered twice: its registration and its duplicate's.</summary>
    private static (Identities.Registering.RegisterLegalEntityInput Party, Identities.Registering.RegisterLegalEntityInput Duplicate) APartyRegisteredTwice(int seed)
    {
        var party = new MockWorld(new MockProfile("walk-through", seed, 2000)).Parties()
            .First(p => p.Registrations.Count == 2 && p.Registrations[0].LegalEntity is not null);
        return (party.Registrations[0].LegalEntity!, party.Registrations[1].LegalEntity!);
    }

    private static JsonNode? Json(object input) => JsonSerializer.SerializeToNode(input, MockLine.Json);
}
