using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Catalog;

/// <summary>One field that differs between the last published revision (<see cref="Before"/>, null when never published) and the submitted one.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A submitted product waiting in the operator's review queue, with what changed since it was last published.</summary>
public sealed record ReviewItemDto(
    ProductId ProductId,
    string Slug,
    string Title,
    OrganisationId SellerId,
    string SellerName,
    DateTimeOffset SubmittedAt,
    int? PublishedRevision,
    IReadOnlyList<FieldChange> Changes);
