using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

public sealed record CategoryDto(CategoryId Id, string Slug, string Name, string Group, int ListingCount);

public sealed record NewCategory(string Slug, string Name, string Group);

public enum ListingStatus
{
    Draft,
    Published,
}

public sealed record ListingSummaryDto(
    ProductId Id,
    string Slug,
    string Title,
    string ShortDescription,
    OrganisationId SellerId,
    string SellerName,
    string CategorySlug,
    string CategoryName,
    ListingStatus Status);

public sealed record ListingDto(
    ProductId Id,
    string Slug,
    string Title,
    string ShortDescription,
    string LongDescription,
    OrganisationId SellerId,
    string SellerName,
    string CategorySlug,
    string CategoryName,
    ListingStatus Status,
    DateTimeOffset CreatedAt);

public sealed record NewListing(
    OrganisationId SellerId,
    string SellerName,
    string Title,
    string ShortDescription,
    string LongDescription,
    string CategorySlug,
    bool Publish);
