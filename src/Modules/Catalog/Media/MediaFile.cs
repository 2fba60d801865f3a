using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Media;

/// <summary>
/// An uploaded image, stored in the database (table <c>catalog_media</c>) so every node serves it. Immutable: a new logo
/// is a new row, so published revisions keep showing the images they were approved with, and <see cref="Sha256"/> is a strong ETag.
/// </summary>
internal sealed class MediaFile
{
    public MediaId Id { get; init; }

    public ProductId ProductId { get; init; }

    public OrganisationId SellerId { get; init; }

    public MediaKind Kind { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Bytes { get; init; }

    public long Length { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>.</summary>
    public required string Sha256 { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public MediaDto ToDto() => new(Id, ProductId, Kind, ContentType, Length, Sha256, Width, Height);
}
