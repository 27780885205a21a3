extern alias tools;

using GidSandbox.Identities;
using GidSandbox.Matching;
using GidSandbox.Matching.BatchMatching;
using tools::GidSandbox.Benchmarks.Matching;

namespace GidSandbox.Tests.Matching;

public class MatchModelTests
{
    private static readonly MatchModel Model = MatchModel.Current;

    private static MatchProfile Profile(string gid, string name, string country, IdentityKind kind = IdentityKind.NaturalPerson)
    {
        var profile = new MatchProfile { Id = gid, Kind = kind, Country = country };
        return profile.WithNames(profile.Standardized(new Name(1, name, "Latn", null, kind == IdentityKind.LegalEntity ? NameType.Legal : NameType.Primary, true)));
    }

    private static MatchResult Decide(string query, string? country, params MatchProfile[] candidates)
    {
        var q = new MatchQuery([query], candidates[0].Kind, country, []);
        return MatchIdentities.Decide(null, [.. candidates.Select(p => Scoring.Score(q, p))], 3);
    }

    [Fact]
    public void the_sandbox_model_gives_each_feature_a_distribution_and_weighs_a_name_less_as_it_scores_less()
    {
        foreach (var (feature, levels) in Model.Features.Zip(MatchModel.Levels))
        {
            Assert.Equal(levels, feature.M.Keys);
            Assert.Equal(levels, feature.U.Keys);
            Assert.Equal(1, feature.M.Values.Sum(), 6);
            Assert.Equal(1, feature.U.Values.Sum(), 6);
            Assert.All(feature.M.Values.Concat(feature.U.Values), p => Assert.InRange(p, double.Epsilon, 1));
        }

        var name = Model.Features[0];
        var weights = MatchModel.Levels[0].Select(l => Math.Log2(name.M[l] / name.U[l])).ToList();
        Assert.Equal(weights.OrderDescending(), weights);
        Assert.True(weights[0] > 0 && weights[^1] < 0);
        Assert.InRange(Model.MatchProbability, 0.5, 1);
        Assert.InRange(Model.LeadBits, 0, 10);
    }

    [Fact]
    public void pooling_lets_no_lower_band_outweigh_a_higher_one_and_keeps_each_distribution()
    {
        string[] levels = ["high", "mid", "low"];
        var m = new Dictionary<string, double> { ["high"] = 0.5, ["mid"] = 0.3, ["low"] = 0.2 };
        var u = new Dictionary<string, double> { ["high"] = 0.1, ["mid"] = 0.01, ["low"] = 0.89 }; // mid would weigh more than high

        var (pm, pu) = MatchModelEstimation.Monotone(levels, m, u);

        Assert.Equal((0.4, 0.4, 0.2), (pm["high"], pm["mid"], pm["low"]));
        Assert.Equal((0.055, 0.055, 0.89), (Math.Round(pu["high"], 6), Math.Round(pu["mid"], 6), pu["low"]));
        Assert.Equal(1, pm.Values.Sum(), 9);
        Assert.Equal(1, pu.Values.Sum(), 9);
    }

    [Fact]
    public void a_value_one_side_lacks_weighs_nothing()
    {
        var weighed = Model.Weigh(new Comparison("1", Comparison.NotGiven, Comparison.NotGiven));

        Assert.Equal([0.0, 0.0], weighed.Weights.Skip(1).Select(w => w.Weight));
        Assert.Equal(Model.PriorBits + weighed.Weights[0].Weight, weighed.Total, 9);
    }

    [Fact]
    public void the_exact_spelling_is_matched_over_its_diacritic_twin_and_two_exact_namesakes_stay_possible()
    {
        var hung = Profile("GID-0000-0000-0000-0001", "Nguyễn Văn Hùng", "VN");
        var hưng = Profile("GID-0000-0000-0000-0002", "Nguyễn Văn Hưng", "VN");
        var namesake = Profile("GID-0000-0000-0000-0003", "Nguyễn Văn Hùng", "VN");

        var twin = Decide("Nguyễn Văn Hùng", "VN", hung, hưng);
        var namesakes = Decide("Nguyễn Văn Hùng", "VN", hung, namesake);

        Assert.Equal((MatchDecision.Match, hung.Id), (twin.Decision, twin.Best!.Profile.Id));
        Assert.True(twin.Candidates[0].Weighed!.Total - twin.Candidates[1].Weighed!.Total >= Model.LeadBits);
        Assert.Equal(MatchDecision.Possible, namesakes.Decision);
    }

    [Fact]
    public void the_same_name_in_another_country_is_no_match_to_give_and_without_a_country_it_is()
    {
        var company = Profile("GID-0000-0000-0000-0004", "Sakura Kogyo", "JP", IdentityKind.LegalEntity);

        Assert.Equal(MatchDecision.Possible, Decide("Sakura Kogyo", "US", company).Decision);
        Assert.Equal(MatchDecision.Match, Decide("Sakura Kogyo", null, company).Decision);
        Assert.Equal(MatchDecision.Match, Decide("Sakura Kogyo", "JP", company).Decision);
    }

    [Fact]
    public void a_model_estimated_from_a_small_mock_world_weighs_agreement_up_and_disagreement_down_and_keeps_its_precision()
    {
        var estimate = MatchModelEstimation.Estimate(identities: 600, seed: 7, decisionSeed: 8);
        var model = estimate.Model;
        double Weight(int feature, string level) => Math.Log2(model.Features[feature].M[level] / model.Features[feature].U[level]);

        Assert.True(Weight(0, "1") > 5, "the same spelling is strong evidence");
        Assert.True(Weight(0, "0") < 0, "names that share nothing speak against");
        Assert.True(Weight(1, Comparison.Same) > 0 && Weight(1, Comparison.Differs) < 0);
        Assert.InRange(model.Lambda, 0.001, 0.5);
        Assert.True(estimate.Chosen.Right > 0);
        Assert.True(estimate.Chosen.Precision >= MatchModelEstimation.TargetPrecision, $"{estimate.Chosen}");
    }
}
