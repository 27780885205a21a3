using GidSandbox.Identities;
using GidSandbox.Identities.Deactivating;
using GidSandbox.Identities.Linking;
using GidSandbox.Identities.Merging;
using GidSandbox.Identities.Naming;
using GidSandbox.Identities.Registering;

namespace GidSandbox.Tests.Identities;

/// <summary>The pure core: command and state in, events or a refusal out. No database.</summary>
public sealed class DecisionTests
{
    private static readonly ExternalIdentifier EpApplicant = new("applicant-number", "EP", "EP-0001");

    private static Identity Company(string name = "ACME Co., Ltd.", params ExternalIdentifier[] identifiers)
    {
        var command = RegisterLegalEntity.From(
            new RegisterLegalEntityInput
            {
                Names = [new NameInput { Text = name, Script = "Latn" }],
                Country = "JP",
                ExternalIdentifiers = [.. identifiers.Select(x => new ExternalIdentifierInput { Scheme = x.Scheme, Issuer = x.Issuer, Value = x.Value })],
            },
            Gid.NewGid(), "EP");
        return Identity.Project(null, RegisterLegalEntity.Decide(command, parent: null));
    }

    private static Identity Person(string name = "Taro Yamada") =>
        Identity.Project(null, RegisterNaturalPerson.Decide(RegisterNaturalPerson.From(
            new RegisterNaturalPersonInput { Names = [new NameInput { Text = name, Script = "Latn" }], Country = "JP" },
            Gid.NewGid(), "EP")));

    private static Identity Then(Identity identity, IReadOnlyList<object> events) => Identity.Project(identity, events);

    private static AddName NameToAdd(Identity identity, string text, string script = "Latn", bool primary = false) =>
        AddName.From(new AddNameInput { Gid = identity.Gid, Name = new NameInput { Text = text, Script = script, Primary = primary } });

    [Fact]
    public void registering_a_legal_entity_records_its_names_as_legal_and_links_its_identifiers()
    {
        var company = Company("ACME Co., Ltd.", EpApplicant);

        Assert.Equal(IdentityKind.LegalEntity, company.Kind);
        Assert.Equal(IdentityStatus.Active, company.Status);
        var name = Assert.Single(company.Names);
        Assert.Equal(new Name(1, "ACME Co., Ltd.", "Latn", null, NameType.Legal, true), name);
        Assert.Equal([EpApplicant], company.ExternalIdentifiers);
        Assert.True(company.Synthetic);
    }

    [Fact]
    public void every_invalid_field_of_a_registration_is_reported_with_its_path()
    {
        var refusal = Assert.Throws<Refusal>(() => RegisterNaturalPerson.From(
            new RegisterNaturalPersonInput
            {
                Names = [new NameInput { Text = "Ann\u202Eevil", Script = "Latn" }, new NameInput { Text = "Ann", Script = "Xyzq" }],
                Country = "XX",
                Orcid = "0000-0002-1825-0098",
            },
            Gid.NewGid(), "EP"));

        Assert.Equal(ErrorCodes.ValidationFailed, refusal.Code);
        Assert.Equal(["input.names[0].text", "input.names[1].script", "input.country", "input.orcid"], refusal.Fields);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bad\u0007bell")]
    public void unusable_names_are_refused(string text)
    {
        var refusal = Assert.Throws<Refusal>(() => Company(text));

        Assert.Equal(["input.names[0].text"], refusal.Fields);
    }

    [Fact]
    public void a_name_with_an_unpaired_surrogate_is_refused()
    {
        var refusal = Assert.Throws<Refusal>(() => Company("Half \uD800 surrogate"));

        Assert.Contains("unpaired surrogate", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_name_over_500_characters_is_refused_and_one_of_500_is_kept()
    {
        Assert.Throws<Refusal>(() => Company(new string('a', 501)));
        Assert.Equal(500, Company(new string('a', 500)).PrimaryName.Text.Length);
    }

    [Fact]
    public void two_primary_names_are_refused()
    {
        var refusal = Assert.Throws<Refusal>(() => RegisterNaturalPerson.From(
            new RegisterNaturalPersonInput
            {
                Names = [new NameInput { Text = "山田太郎", Script = "Jpan", Primary = true }, new NameInput { Text = "Taro Yamada", Script = "Latn", Primary = true }],
                Country = "JP",
            },
            Gid.NewGid(), "EP"));

        Assert.Equal(["input.names"], refusal.Fields);
    }

    [Fact]
    public void a_parent_must_be_an_active_legal_entity()
    {
        var person = Person();
        var command = RegisterLegalEntity.From(
            new RegisterLegalEntityInput { Names = [new NameInput { Text = "Sub GmbH", Script = "Latn" }], Country = "DE", Parent = person.Gid },
            Gid.NewGid(), "EP");

        var refusal = Assert.Throws<Refusal>(() => RegisterLegalEntity.Decide(command, person));

        Assert.Equal(["input.parent"], refusal.Fields);
    }

    [Fact]
    public void adding_a_primary_name_makes_the_old_primary_an_ordinary_name()
    {
        var company = Company();

        var renamed = Then(company, AddName.Decide(company, NameToAdd(company, "ACME Holdings", primary: true)));

        Assert.Equal("ACME Holdings", renamed.PrimaryName.Text);
        Assert.Equal(2, renamed.PrimaryName.Id);
        Assert.Single(renamed.Names, n => n.IsPrimary);
    }

    [Fact]
    public void the_same_name_in_another_normalization_form_is_refused_as_a_duplicate()
    {
        var person = Person("Müller");

        var refusal = Assert.Throws<Refusal>(() => AddName.Decide(person, NameToAdd(person, "Mu\u0308ller")));

        Assert.Equal(ErrorCodes.Conflict, refusal.Code);
    }

    [Fact]
    public void the_primary_name_cannot_be_removed_and_an_unknown_name_is_not_found()
    {
        var company = Company();

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<Refusal>(() => RemoveName.Decide(company, new RemoveName(company.Gid, 1))).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<Refusal>(() => RemoveName.Decide(company, new RemoveName(company.Gid, 9))).Code);
    }

    [Fact]
    public void a_removed_name_id_is_never_given_again()
    {
        var company = Company();
        company = Then(company, AddName.Decide(company, NameToAdd(company, "ACME")));
        company = Then(company, RemoveName.Decide(company, new RemoveName(company.Gid, 2)));

        company = Then(company, AddName.Decide(company, NameToAdd(company, "エイクミ", "Kana")));

        Assert.Equal([1, 3], company.Names.Select(n => n.Id));
    }

    [Fact]
    public void merging_moves_names_and_identifiers_to_the_survivor_and_points_the_merged_gid_at_it()
    {
        var survivor = Company("ACME Co., Ltd.");
        var duplicate = Company("ACME COMPANY LIMITED", EpApplicant);

        var (survivorEvents, mergedEvents) = MergeIdentities.Decide(survivor, duplicate);
        survivor = Then(survivor, survivorEvents);
        duplicate = Then(duplicate, mergedEvents);

        Assert.Equal(IdentityStatus.Merged, duplicate.Status);
        Assert.Equal(survivor.Id, duplicate.MergedInto);
        Assert.Empty(duplicate.ExternalIdentifiers);
        Assert.Equal([EpApplicant], survivor.ExternalIdentifiers);
        Assert.Equal(["ACME Co., Ltd.", "ACME COMPANY LIMITED"], survivor.Names.Select(n => n.Text));
        Assert.Equal(new Name(2, "ACME COMPANY LIMITED", "Latn", null, NameType.Alias, false), survivor.Names[1]);
    }

    [Fact]
    public void a_merged_identity_refuses_every_further_change()
    {
        var survivor = Company();
        var duplicate = Company("ACME Ltd");
        duplicate = Then(duplicate, MergeIdentities.Decide(survivor, duplicate).Merged);

        var refusal = Assert.Throws<Refusal>(() => AddName.Decide(duplicate, NameToAdd(duplicate, "Other")));
        Assert.Equal(ErrorCodes.Conflict, refusal.Code);
        Assert.Contains(survivor.Id, refusal.Message, StringComparison.Ordinal);
        Assert.Throws<Refusal>(() => MergeIdentities.Decide(survivor, duplicate));
        Assert.Throws<Refusal>(() => ReactivateIdentity.Decide(duplicate));
    }

    [Fact]
    public void identities_of_different_kinds_or_the_same_identity_cannot_be_merged()
    {
        var company = Company();

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<Refusal>(() => MergeIdentities.Decide(company, Person())).Code);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<Refusal>(() => MergeIdentities.Decide(company, company)).Code);
    }

    [Fact]
    public void deactivation_blocks_changes_until_reactivation()
    {
        var company = Company();
        company = Then(company, DeactivateIdentity.Decide(company, "registered in error"));

        Assert.Equal(IdentityStatus.Deactivated, company.Status);
        Assert.Equal("registered in error", company.DeactivationReason);
        Assert.Throws<Refusal>(() => LinkExternalId.Decide(company, new LinkExternalId(company.Gid, EpApplicant)));
        Assert.Throws<Refusal>(() => DeactivateIdentity.Decide(company, "again"));

        company = Then(company, ReactivateIdentity.Decide(company));
        Assert.Equal(IdentityStatus.Active, company.Status);
        Assert.Null(company.DeactivationReason);
        Assert.Throws<Refusal>(() => ReactivateIdentity.Decide(company));
    }

    [Fact]
    public void unlinking_an_identifier_that_is_not_linked_is_not_found()
    {
        var company = Company();

        var refusal = Assert.Throws<Refusal>(() => UnlinkExternalId.Decide(company, new UnlinkExternalId(company.Gid, EpApplicant)));

        Assert.Equal(ErrorCodes.NotFound, refusal.Code);
    }
}
