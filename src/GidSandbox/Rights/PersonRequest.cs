using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL.Types;
using NodaTime;

namespace GidSandbox.Rights;

/// <summary>
/// A person's request to see, correct or erase their data, as the one who received and verified it filed it: its
/// reference and the day it was received. It is recorded with what it led to (an export, a challenge, an erasure).
/// </summary>
public sealed record PersonRequest(string Reference, LocalDate ReceivedOn)
{
    public static PersonRequest Parse(Problems problems, string path, PersonRequestInput input, LocalDate today)
    {
        InputRules.CheckText(problems, $"{path}.reference", input.Reference, InputRules.MaxShortText);
        if (input.ReceivedOn > today)
        {
            problems.Add($"{path}.receivedOn", "The request cannot have been received after today.");
        }

        return new PersonRequest(input.Reference?.Trim() ?? "", input.ReceivedOn);
    }
}

public sealed class PersonRequestInput
{
    public string Reference { get; set; } = "";

    public LocalDate ReceivedOn { get; set; }
}

public sealed class PersonRequestInputGraphType : InputObjectGraphType<PersonRequestInput>
{
    public PersonRequestInputGraphType()
    {
        Name = "PersonRequestInput";
        Description = "The person's request, as its receiver verified and filed it.";
        Field(x => x.Reference).Description("The request's reference in the receiver's file.");
        Field(x => x.ReceivedOn, type: typeof(NonNullGraphType<LocalDateGraphType>));
    }
}

public sealed class PersonRequestGraphType : ObjectGraphType<PersonRequest>
{
    public PersonRequestGraphType()
    {
        Name = "PersonRequest";
        Description = "The person's request a challenge or an export answers.";
        Field(x => x.Reference);
        Field(x => x.ReceivedOn, type: typeof(NonNullGraphType<LocalDateGraphType>));
    }
}
