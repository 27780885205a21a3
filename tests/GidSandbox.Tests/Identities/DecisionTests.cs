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

    private readonly InMemoryRegistry _registry = new();

    private static readonly Writer Ep = InMemoryRegistry.Office("EP");

    private Identity Company(string name = "ACME Co., Ltd.", params ExternalIdentifier[] identifiers)
    {
        var command = RegisterLegalEntity.From(
            new RegisterLegalEntityInput
            {
                Names = [new NameInput { Text = name, Script = "Latn" }],
                Country = "JP",
                ExternalIdentifiers = [.. identifiers.Select(x => new ExternalIdentifierInput { Scheme = x.Scheme, Issuer = x.Issuer, Value = x.Value })],
            },
            Gid.NewGid(), "EP");
        return _registry.Do(command, Ep);
    }

    private Identity Person(string name = "Taro Yamada") =>
        _registry.Do(RegisterNaturalPerson.From(
            new RegisterNaturalPersonInput { Names = [new NameInput { Text = name, Script = "Latn" }], Country = "JP" },
            Gid.NewGid(), "EP"), Ep);

    private Identity Do(IIdentityCommand command) => _registry.Do(command, Ep);

    private static AddName NameToAdd(Identity identity, string text, string script = "Latn", bool primary = false) =>
        AddName.From(new AddNameInput { Gid = identity.Gid, Name = new NameInput { Text = text, Script = script, Primary = primary } });

    [Fact]
    public void registering_a_legal_entity_records_its_names_as_legal_and_links_its_identifiers()
    {
        var company = Company("ACME Co., Ltd.", EpApplicant);

        Assert.Equal(IdentityKind.LegalEntity, company.Kind);
        Assert.Equal(IdentityStatus.Active, company.Status);
        var name = Assert.Single(company.Names);
        Assert.Equal(new Name(1, "ACME Co., Ltd.", "Latn", null, NameType.Legal, true) { AssertedBy = "EP", AssertedAt = InMemoryRegistry.Now }, name);
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
        Assert.Equal(500, Company(new string('a', 500)).PrimaryName!.Text.Length);
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

        var refusal = Assert.Throws<Refusal>(() => Do(command));

        Assert.Equal(["input.parent"], refusal.Fields);
    }

    [Fact]
    public void adding_a_primary_name_makes_the_old_primary_an_ordinary_name()
    {
        var company = Company();

        var renamed = Do(NameToAdd(company, "ACME Holdings", primary: true));

        Assert.Equal("ACME Holdings", renamed.PrimaryName!.Text);
        Assert.Equal(2, renamed.PrimaryName!.Id);
        Assert.Single(renamed.Names, n => n.IsPrimary);
    }

    [Fact]
    public void the_same_name_in_another_normalization_form_is_refused_as_a_duplicate()
    {
        var person = Person("Müller");

        var refusal = Assert.Throws<Refusal>(() => Do(NameToAdd(person, "Mu\u0308ller")));

        Assert.Equal(ErrorCodes.Conflict, refusal.Code);
    }

    [Fact]
    public void the_primary_name_cannot_be_removed_and_an_unknown_name_is_not_found()
    {
        var company = Company();

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<Refusal>(() => Do(new RemoveName(company.Gid, null, 1))).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<Refusal>(() => Do(new RemoveName(company.Gid, null, 9))).Code);
    }

    [Fact]
    public void a_removed_name_id_is_never_given_again()
    {
        var company = Company();
        Do(NameToAdd(company, "ACME"));
        Do(new RemoveName(company.Gid, null, 2));

        company = Do(NameToAdd(company, "エイクミ", "Kana"));

        Assert.Equal([1, 3], company.Names.Select(n => n.Id));
    }

    [Fact]
    public void merging_moves_names_and_identifiers_to_the_survivor_and_points_the_merged_gid_at_it()
    {
        var survivor = Company("ACME Co., Ltd.");
        var duplicate = Company("ACME COMPANY LIMITED", EpApplicant);

        survivor = Do(new MergeIdentities(survivor.Gid, null, duplicate.Gid, null));
        duplicate = _registry[duplicate.Gid];

        Assert.Equal(IdentityStatus.Merged, duplicate.Status);
        Assert.Equal(survivor.Id, duplicate.MergedInto);
        Assert.Empty(duplicate.ExternalIdentifiers);
        Assert.Equal([EpApplicant], survivor.ExternalIdentifiers);
        Assert.Equal(["ACME Co., Ltd.", "ACME COMPANY LIMITED"], survivor.Names.Select(n => n.Text));
        Assert.Equal(new Name(2, "ACME COMPANY LIMITED", "Latn", null, NameType.Alias, false) { AssertedBy = "EP", AssertedAt = InMemoryRegistry.Now }, survivor.Names[1]);
        Assert.Equal(survivor.Id, _registry.Claims[EpApplicant.Key]);
    }

    [Fact]
    public void a_merged_identity_refuses_every_further_change()
    {
        var survivor = Company();
        var duplicate = Company("ACME Ltd");
        Do(new MergeIdentities(survivor.Gid, null, duplicate.Gid, null));

        var refusal = Assert.Throws<Refusal>(() => Do(NameToAdd(duplicate, "Other")));
        Assert.Equal(ErrorCodes.Conflict, refusal.Code);
        Assert.Contains(survivor.Id, refusal.Message, StringComparison.Ordinal);
        Assert.Throws<Refusal>(() => Do(new MergeIdentities(survivor.Gid, null, duplicate.Gid, null)));
        Assert.Throws<Refusal>(() => Do(new ReactivateIdentity(duplicate.Gid, null)));
    }

    [Fact]
    public void identities_of_different_kinds_or_the_same_identity_cannot_be_merged()
    {
        var company = Company();

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<Refusal>(() => Do(new MergeIdentities(company.Gid, null, Person().Gid, null))).Code);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<Refusal>(() => Do(new MergeIdentities(company.Gid, null, company.Gid, null))).Code);
    }

    [Fact]
    public void deactivation_blocks_changes_until_reactivation()
    {
        var company = Company();
        company = Do(new DeactivateIdentity(company.Gid, null, "registered in error"));

        Assert.Equal(IdentityStatus.Deactivated, company.Status);
        Assert.Equal("registered in error", company.DeactivationReason);
        Assert.Throws<Refusal>(() => Do(new LinkExternalId(company.Gid, null, EpApplicant)));
        Assert.Throws<Refusal>(() => Do(new DeactivateIdentity(company.Gid, null, "again")));

        company = Do(new ReactivateIdentity(company.Gid, null));
        Assert.Equal(IdentityStatus.Active, company.Status);
        Assert.Null(company.DeactivationReason);
        Assert.Throws<Refusal>(() => Do(new ReactivateIdentity(company.Gid, null)));
    }

    [Fact]
    public void unlinking_an_identifier_that_is_not_linked_is_not_found()
    {
        var company = Company();

        var refusal = Assert.Throws<Refusal>(() => Do(new UnlinkExternalId(company.Gid, null, EpApplicant)));

        Assert.Equal(ErrorCodes.NotFound, refusal.Code);
    }
}
