using System.Globalization;
using System.Text.Json;
using GidSandbox.Matching;
using JasperFx.CommandLine;

namespace GidSandbox.Benchmarks.Matching;

public sealed class MatchModelInput
{
    [Description("Identities in each mock world")]
    public int IdentitiesFlag { get; set; } = 20_000;

    [Description("Seed of the world m and u are estimated from")]
    public int SeedFlag { get; set; } = 20261202;

    [Description("Seed of the world the MATCH threshold is chosen on")]
    public int DecisionSeedFlag { get; set; } = 20261203;

    [Description("Where to write the model; the sandbox's embedded model when not given")]
    public string? OutFlag { get; set; }
}

[Description("Estimates the match model (Fellegi–Sunter m and u) from mock worlds, chooses its MATCH threshold for precision 0.99 and writes match-model.json", Name = "matching-model")]
public sealed class MatchModelCommand : JasperFxCommand<MatchModelInput>
{
    public override bool Execute(MatchModelInput input)
    {
        var estimate = MatchModelEstimation.Estimate(input.IdentitiesFlag, input.SeedFlag, input.DecisionSeedFlag);
        var (model, chosen, hand, now) = (estimate.Model, estimate.Chosen, estimate.HandSet, estimate.Current);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"World {input.SeedFlag}: {input.IdentitiesFlag:N0} identities, {estimate.Queries:N0} office records; {estimate.Found:N0} pairs found by the candidate search ({estimate.SameParty:N0} of one party), {estimate.RandomPairs:N0} random pairs; λ = {model.Lambda:0.0000}."));
        Console.WriteLine();
        Console.WriteLine("| feature | level | m | u | weight (bits) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var feature in model.Features)
        {
            foreach (var level in feature.M.Keys)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {feature.Feature} | {level} | {feature.M[level]:0.0000} | {feature.U[level]:0.000000} | {Math.Log2(feature.M[level] / feature.U[level]):0.00} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Decision chosen on world {input.DecisionSeedFlag} ({chosen.Right + chosen.Wrong:N0} MATCHes of {estimate.DecisionQueries:N0} office records; a MATCH to a namesake or look-alike of another party counts as wrong):");
        foreach (var (rule, quality) in new[] { ($"MATCH at probability {chosen.MatchProbability} with a lead of {chosen.LeadBits} bits", chosen), ("The hand-set rule (a score of 0.9 with a lead of 0.05)", hand), ("The model the sandbox has now", now) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule}: precision {quality.Precision:0.0000}, recall {quality.Recall:0.0000} ({quality.Right:N0} right, {quality.Wrong:N0} wrong)."));
        }

        var path = input.OutFlag ?? Path.Combine(EvaluationSet.Locate(Path.Combine("src", "GidSandbox", "Matching")), "match-model.json");
        File.WriteAllText(path, JsonSerializer.Serialize(model, MatchModel.Json) + "\n");
        Console.WriteLine($"Wrote {path}.");
        return true;
    }
}
