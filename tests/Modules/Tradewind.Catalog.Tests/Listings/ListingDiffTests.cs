using Tradewind.Catalog.Listings;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Tests.Listings;

public sealed class ListingDiffTests
{
    private static readonly CategoryId Logs = CategoryId.From(Guid.CreateVersion7());
    private static readonly CategoryId Security = CategoryId.From(Guid.CreateVersion7());

    private static readonly ListingContent Published = new(
        "Pipeline Pilot", "Ship faster.", "Long.", ["Fast"], [Logs], ["ci"], null, [], "help@example.com", null,
        "https://example.com", [], LicenceKind.Standard, null);

    private static string Slug(CategoryId id) => id == Logs ? "logs" : "security";

    [Fact]
    public void Identical_content_has_no_changes()
    {
        Assert.Empty(ListingDiff.Between(Published, Published with { Highlights = ["Fast"] }, Slug));
    }

    [Fact]
    public void Each_changed_field_is_listed_with_its_old_and_new_value()
    {
        var submitted = Published with { Title = "Pipeline Pilot Pro", Categories = [Logs, Security], ExcludedCountries = ["IR"] };

        var changes = ListingDiff.Between(Published, submitted, Slug);

        Assert.Equal(
            [
                new FieldChange("title", "Pipeline Pilot", "Pipeline Pilot Pro"),
                new FieldChange("categories", "logs", "logs\nsecurity"),
                new FieldChange("availability.excludedCountries", "", "IR"),
            ],
            changes);
    }

    [Fact]
    public void A_first_submission_shows_every_filled_field_as_new()
    {
        var changes = ListingDiff.Between(null, Published, Slug);

        Assert.Contains(new FieldChange("title", null, "Pipeline Pilot"), changes);
        Assert.Contains(new FieldChange("licence.kind", null, "standard"), changes);
        Assert.All(changes, c => Assert.Null(c.Before));
    }
}
