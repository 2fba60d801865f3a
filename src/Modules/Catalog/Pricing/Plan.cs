using Tradewind.Catalog.Data;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Pricing;

/// <summary>
/// A public offer on a product. Its working terms (<see cref="DraftTermsJson"/>) change freely; approval of the product
/// publishes them as the next <see cref="PlanVersion"/>, which never changes again, so a buyer keeps the version accepted.
/// </summary>
internal sealed class Plan
{
    public PlanId Id { get; init; }

    public ProductId ProductId { get; init; }

    public required string Name { get; set; }

    /// <summary>The working terms as JSON (money as decimal strings), validated when written.</summary>
    public required string DraftTermsJson { get; set; }

    /// <summary>True when the working terms differ from the latest published version (or none is published).</summary>
    public bool HasDraftChanges { get; set; }

    /// <summary>The latest published version; null until the product's first approval with this plan.</summary>
    public int? PublishedVersion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Revise(PlanTerms terms, string json, DateTimeOffset now)
    {
        if (string.Equals(json, DraftTermsJson, StringComparison.Ordinal))
        {
            return;
        }

        Name = terms.Name.Trim();
        DraftTermsJson = json;
        HasDraftChanges = true;
        UpdatedAt = now;
    }

    /// <summary>Freezes the working terms as version N+1.</summary>
    public PlanVersion Publish(DateTimeOffset now)
    {
        var version = new PlanVersion { PlanId = Id, ProductId = ProductId, Version = (PublishedVersion ?? 0) + 1, TermsJson = DraftTermsJson, PublishedAt = now };
        PublishedVersion = version.Version;
        HasDraftChanges = false;
        return version;
    }

    public PlanDto ToDto() => new(Id, ProductId, CatalogJson.Terms(DraftTermsJson), HasDraftChanges, PublishedVersion, CreatedAt, UpdatedAt);
}

/// <summary>One published, immutable version of a plan's terms (table <c>catalog_plan_versions</c>).</summary>
internal sealed class PlanVersion
{
    public PlanId PlanId { get; init; }

    public int Version { get; init; }

    public ProductId ProductId { get; init; }

    public required string TermsJson { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public PlanDefinition Definition() => PlanDefinition.Parse(CatalogJson.Terms(TermsJson));

    public PlanVersionDto ToDto()
    {
        var definition = Definition();
        return new PlanVersionDto(PlanId, ProductId, Version, definition.Terms, PublishedAt, definition.PricingModels, definition.PriceTables(), definition.Installments());
    }
}
