using System.Collections.Concurrent;
using Tradewind.Contracts.AwsApi;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.AwsApi;

/// <summary>
/// Turns an AWS <c>ProductCode</c> (a Tradewind product id) into one of the caller's products, or
/// <c>InvalidProductCodeException</c>. A product never changes seller, so confirmed pairs are remembered per node
/// (<see cref="OwnedProducts"/>) and a busy metering client costs no catalogue read per request.
/// </summary>
internal sealed class SellerProducts(ICatalogQueries catalog, OwnedProducts owned)
{
    public async Task<ProductId> RequireOwnAsync(string? productCode, AwsCaller caller, CancellationToken cancellationToken)
    {
        if (!ProductId.TryParse(productCode, out var productId))
        {
            throw MeteringErrors.InvalidProductCode(productCode);
        }

        if (owned.Contains(caller.SellerId, productId))
        {
            return productId;
        }

        var product = await catalog.FindProductAsync(productId, new CatalogCaller(caller.SellerId, false, caller.Actor), cancellationToken);
        if (product is null || product.SellerId != caller.SellerId)
        {
            throw MeteringErrors.InvalidProductCode(productCode);
        }

        owned.Add(caller.SellerId, productId);
        return productId;
    }
}

/// <summary>Seller × product pairs confirmed on this node (bounded; clearing it costs only catalogue reads).</summary>
internal sealed class OwnedProducts
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(OrganisationId, ProductId), bool> _pairs = new();

    public bool Contains(OrganisationId sellerId, ProductId productId) => _pairs.ContainsKey((sellerId, productId));

    public void Add(OrganisationId sellerId, ProductId productId)
    {
        if (_pairs.Count >= MaxEntries)
        {
            _pairs.Clear();
        }

        _pairs.TryAdd((sellerId, productId), true);
    }
}
