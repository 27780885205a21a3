using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GidSandbox.Identities;
using GidSandbox.Identities.Addressing;
using GidSandbox.Identities.Deactivating;
using GidSandbox.Identities.Linking;
using GidSandbox.Identities.Managing;
using GidSandbox.Identities.Merging;
using GidSandbox.Identities.Naming;
using GidSandbox.Identities.Registering;

namespace GidSandbox.Tests.Identities;

/// <summary>Who may change what, decided without a database.</summary>
public sealed class OwnershipRulesTests
{
    private static readonly string[] Offices = ["EP", "JP", "KR", "US"];

    private readonly InMemoryRegistry _registry = new();

    private static Writer By(string office) => InMemoryRegistry.Office(office);

    private static ExternalIdentifier Applicant(string issuer, string value) => new("applicant-number", issuer, value);

    private static ExternalIdentifier Global(string scheme, string value) => new(scheme, "EP", value);

    private Identity Register(string office, string name, string? lei = null, params ExternalIdentifier[] identifiers) =>
        _registry.Do(new RegisterLegalEntity(Gid.NewGid(), [new Name(1, name, "Latn", null, NameType.Legal, true)], "JP", null, null, null, null, lei, null, null, office, identifiers), By(office));

    private static Refusal Refused(Action write) => Assert.Throws<Refusal>(write);

    [Fact]
    public void another_office_adds_its_own_names_and_removes_only_those()
    {
        var company = Register("JP", "ACME Co., Ltd.");

        var withEpName = _registry.Do(new AddName(company.Gid, null, new Name(0, "ACME Europe", "Latn", null, NameType.Alias, false)), By("EP"));
        var epName = withEpName.Names.Single(n => n.AssertedBy == "EP");

        Assert.Equal(InMemoryRegistry.Now, epName.AssertedAt);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new RemoveName(company.Gid, null, epName.Id), By("JP"))).Code);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new AddName(company.Gid, null, new Name(0, "EP primary", "Latn", null, NameType.Alias, true)), By("EP"))).Code);
        Assert.DoesNotContain(_registry.Do(new RemoveName(company.Gid, null, epName.Id), By("EP")).Names, n => n.Id == epName.Id);
    }

    [Fact]
    public void a_refused_address_change_says_the_same_whether_the_guess_was_right_or_not()
    {
        var address = new Address(["1-1 Chiyoda"], "Tokyo", null, null, "JP");
        var person = _registry.Do(new RegisterNaturalPerson(Gid.NewGid(), [new Name(1, "Taro Yamada", "Latn", null, NameType.Primary, true)], "JP", address, null, null, null, "JP", []), By("JP"));

        var right = Refused(() => _registry.Do(new ChangeAddress(person.Gid, null, address), By("EP")));
        var wrong = Refused(() => _registry.Do(new ChangeAddress(person.Gid, null, address with { City = "Osaka" }), By("EP")));

        Assert.Equal((ErrorCodes.Forbidden, right.Message), (wrong.Code, wrong.Message));
        Assert.Equal(1, _registry[person.Gid].Version);
    }

    [Fact]
    public void only_the_issuer_links_and_unlinks_an_office_local_identifier()
    {
        var company = Register("JP", "ACME Co., Ltd.", null, Applicant("JP", "520000123"));

        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new UnlinkExternalId(company.Gid, null, Applicant("JP", "520000123")), By("EP"))).Code);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new LinkExternalId(company.Gid, null, Applicant("KR", "1-2024-1")), By("EP"))).Code);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => Register("EP", "Other Co.", null, Applicant("JP", "520000999"))).Code);
        Assert.Single(_registry.Do(new LinkExternalId(company.Gid, null, Applicant("EP", "EP-1")), By("EP")).ExternalIdentifiers, x => x.Issuer == "EP" && x.AssertedBy == "EP");
        Assert.DoesNotContain(_registry.Do(new UnlinkExternalId(company.Gid, null, Applicant("JP", "520000123")), InMemoryRegistry.Governance).ExternalIdentifiers, x => x.Issuer == "JP");
    }

    [Fact]
    public void an_lei_sits_on_one_live_identity_and_only_its_linker_or_governance_removes_it()
    {
        var lei = Lei("5493001KJTIIGC8Y1R");
        var first = Register("JP", "ACME Co., Ltd.", lei);

        var refusal = Refused(() => Register("EP", "ACME Europe", lei));
        Assert.Equal(ErrorCodes.Conflict, refusal.Code);
        Assert.Contains(first.Id, refusal.Message, StringComparison.Ordinal);
        var second = Register("EP", "ACME Europe");
        Assert.Equal(ErrorCodes.Conflict, Refused(() => _registry.Do(new LinkExternalId(second.Gid, null, Global("LEI", lei)), By("EP"))).Code);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new UnlinkExternalId(first.Gid, null, Global("LEI", lei)), By("EP"))).Code);

        Assert.Null(_registry.Do(new UnlinkExternalId(first.Gid, null, Global("LEI", lei)), By("JP")).Lei);
        Assert.Equal(lei, _registry.Do(new LinkExternalId(second.Gid, null, Global("LEI", lei)), By("EP")).ExternalIdentifiers.Single().Value);
    }

    [Fact]
    public void only_the_managing_office_deactivates_and_a_transfer_moves_that_right()
    {
        var company = Register("EP", "ACME Co., Ltd.");

        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new DeactivateIdentity(company.Gid, null, "x"), By("JP"))).Code);
        Assert.Equal(ErrorCodes.NotFound, Refused(() => _registry.Do(new AnswerManagementTransfer(company.Gid, null, Accept: true), By("EP"))).Code);
        Assert.Equal("JP", _registry.Do(new RequestManagementTransfer(company.Gid, null), By("JP")).TransferRequestedBy);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new AnswerManagementTransfer(company.Gid, null, Accept: true), By("JP"))).Code);

        var transferred = _registry.Do(new AnswerManagementTransfer(company.Gid, null, Accept: true), By("EP"));

        Assert.Equal(("JP", null), (transferred.ManagingOffice, transferred.TransferRequestedBy));
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new DeactivateIdentity(company.Gid, null, "x"), By("EP"))).Code);
        Assert.Equal(IdentityStatus.Deactivated, _registry.Do(new DeactivateIdentity(company.Gid, null, "x"), By("JP")).Status);
        Assert.Equal("KR", _registry.Do(new ReassignManagement(company.Gid, null, "KR"), InMemoryRegistry.Governance).ManagingOffice);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new ReassignManagement(company.Gid, null, "EP"), By("KR"))).Code);
    }

    [Fact]
    public void identities_of_two_managing_offices_merge_when_the_second_accepts_the_first_ones_request()
    {
        var survivor = Register("JP", "ACME Co., Ltd.");
        var duplicate = Register("EP", "ACME Company Limited", null, Applicant("EP", "EP-9"));

        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new MergeIdentities(survivor.Gid, null, duplicate.Gid, null), By("EP"))).Code);
        var waiting = _registry.Do(new RequestMerge(survivor.Gid, null, duplicate.Gid, null), By("EP"));
        Assert.Equal((survivor.Id, "EP"), (waiting.Id, waiting.MergeRequests.Single().RequestedBy));
        Assert.Equal(ErrorCodes.NotFound, Refused(() => _registry.Do(new AnswerMerge(survivor.Gid, null, duplicate.Gid, null, Accept: true), By("EP"))).Code);
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => _registry.Do(new AnswerMerge(survivor.Gid, null, duplicate.Gid, null, Accept: true), By("KR"))).Code);

        var merged = _registry.Do(new AnswerMerge(survivor.Gid, null, duplicate.Gid, null, Accept: true), By("JP"));

        Assert.Empty(merged.MergeRequests);
        Assert.Equal(survivor.Id, _registry[duplicate.Gid].MergedInto);
        Assert.Equal(survivor.Id, _registry.Claims[Applicant("EP", "EP-9").Key]);
    }

    [Fact]
    public void a_command_without_an_ownership_rule_is_refused()
    {
        var company = Register("EP", "ACME Co., Ltd.");

        var refusal = Refused(() => _registry.Do(new Unruled(company.Gid), By("EP")));

        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
    }

    private sealed record Unruled(Gid Gid) : IIdentityCommand
    {
        public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, null)];

        public Decision Decide(Facts facts, Writer by) => Decision.On(Gid, [new IdentityDeactivated("no rule")]);
    }

    /// <summary>
    /// After any sequence of writes by random offices: an office-local identifier resolves only to an identity its
    /// issuer linked it to, no LEI or ORCID sits on two active identities, and every claim names the identity holding it.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property identifiers_stay_with_their_issuers_and_global_ones_stay_unique_after_any_writes() => Prop.ForAll(
        Gen.ListOf(Gen.ArrayOf(Gen.Choose(0, 99), 5)).ToArbitrary(),
        steps =>
        {
            var registry = new InMemoryRegistry();
            var leis = new[] { Lei("5493001KJTIIGC8Y1R"), Lei("529900T8BM49AURSDO"), Lei("213800WSGIIZCXF1P5") };
            foreach (var step in steps)
            {
                var office = Offices[step[0] % Offices.Length];
                var by = step[0] % 11 == 0 ? InMemoryRegistry.Governance : By(office);
                var gids = registry.Identities.Keys.Order(StringComparer.Ordinal).Select(Gid.Parse).ToArray();
                var identifier = step[2] % 3 == 0
                    ? Global("LEI", leis[step[3] % leis.Length])
                    : Applicant(Offices[step[3] % Offices.Length], $"N{step[4] % 6}");
                Gid Pick(int n) => gids[n % gids.Length];
                IIdentityCommand command = (step[1] % 9, gids.Length) switch
                {
                    (_, 0) or (0, _) => new RegisterLegalEntity(Gid.NewGid(), [new Name(1, $"Party {step[4]}", "Latn", null, NameType.Legal, true)], "JP", null, null, null, null,
                        step[2] % 2 == 0 ? leis[step[3] % leis.Length] : null, null, null, office, identifier.IsGlobal ? [] : [identifier]),
                    (1 or 2, _) => new LinkExternalId(Pick(step[4]), null, identifier),
                    (3, _) => new UnlinkExternalId(Pick(step[4]), null, identifier),
                    (4, _) => new MergeIdentities(Pick(step[3]), null, Pick(step[4]), null),
                    (5, _) => new RequestMerge(Pick(step[3]), null, Pick(step[4]), null),
                    (6, _) => new AnswerMerge(Pick(step[3]), null, Pick(step[4]), null, Accept: true),
                    (7, _) => step[2] % 2 == 0 ? new RequestManagementTransfer(Pick(step[4]), null) : new AnswerManagementTransfer(Pick(step[4]), null, Accept: true),
                    _ => step[2] % 2 == 0 ? new DeactivateIdentity(Pick(step[4]), null, "x") : new ReactivateIdentity(Pick(step[4]), null),
                };
                try
                {
                    registry.Do(command, by);
                }
                catch (Refusal)
                {
                }
            }

            var active = registry.Identities.Values.Where(i => i.Status == IdentityStatus.Active).ToList();
            var localClaimsHeldByTheirIssuer = registry.Claims.All(claim =>
            {
                var holder = registry.Identities[claim.Value];
                var held = holder.AllIdentifiers.FirstOrDefault(x => x.Key == claim.Key);
                return held is not null && (held.IsGlobal || held.AssertedBy == held.Issuer);
            });
            var globalsUnique = active.SelectMany(i => i.AllIdentifiers.Where(x => x.IsGlobal).Select(x => (i.Id, x.Key)))
                .GroupBy(x => x.Key).All(g => g.Count() == 1);
            var everyIdentifierClaimed = registry.Identities.Values.Where(i => i.Status != IdentityStatus.Merged)
                .All(i => i.AllIdentifiers.All(x => registry.Claims.GetValueOrDefault(x.Key) == i.Id));
            return (localClaimsHeldByTheirIssuer && globalsUnique && everyIdentifierClaimed)
                .Label($"claims held by issuer: {localClaimsHeldByTheirIssuer}, globals unique: {globalsUnique}, identifiers claimed: {everyIdentifierClaimed}");
        });

    /// <summary>An LEI with its ISO 17442 check digits (MOD 97-10).</summary>
    private static string Lei(string first18)
    {
        var digits = string.Concat(first18.Select(c => char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(BigInteger.Parse(digits + "00", CultureInfo.InvariantCulture) % 97);
        return first18 + check.ToString("D2", CultureInfo.InvariantCulture);
    }
}
