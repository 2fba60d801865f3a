using CsCheck;
using Tradewind.Catalog.Listings;

namespace Tradewind.Catalog.Tests.Listings;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Pipeline Pilot", "pipeline-pilot")]
    [InlineData("  Édition Spéciale — Pro ", "edition-speciale-pro")]
    [InlineData("A/B testing & feature flags", "a-b-testing-feature-flags")]
    [InlineData("K8s 2.0!!", "k8s-2-0")]
    public void A_title_becomes_a_lower_case_hyphenated_slug(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Fact]
    public void A_slug_holds_only_ascii_letters_digits_and_single_inner_hyphens()
    {
        Gen.String.Sample(text =>
        {
            var slug = Slug.From(text);
            return slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
                && !slug.StartsWith('-') && !slug.EndsWith('-')
                && !slug.Contains("--", StringComparison.Ordinal)
                && slug.Length <= 100;
        });
    }

    [Fact]
    public void A_slug_is_its_own_slug()
    {
        Gen.String.Sample(text => Slug.From(Slug.From(text)) == Slug.From(text));
    }
}
