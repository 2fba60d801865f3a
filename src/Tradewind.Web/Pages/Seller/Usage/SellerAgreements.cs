using System.Security.Claims;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>A customer of the seller as the usage filters offer it.</summary>
internal sealed record UsageCustomerOption(string CustomerIdentifier, string BuyerName, ProductId ProductId, string ProductTitle, bool InForce);

/// <summary>
/// What the usage pages need to know about the seller's agreements: its products with customers, its customers, and the
/// names and units of the dimensions their accepted plans meter.
/// </summary>
internal sealed class SellerAgreements
{
    /// <summary>At most this many agreements are read for the filters (the newest first).</summary>
    private const int MaxAgreements = 1000;

    private SellerAgreements(IReadOnlyList<AgreementDto> agreements)
    {
        Agreements = agreements;
        Products = agreements.DistinctBy(a => a.ProductId).Select(a => (a.ProductId, a.ProductTitle))
            .OrderBy(p => p.ProductTitle, StringComparer.CurrentCultureIgnoreCase).ToList();
        Customers = agreements.GroupBy(a => a.CustomerIdentifier, StringComparer.Ordinal)
            .Select(g => new UsageCustomerOption(g.Key, g.First().BuyerName, g.First().ProductId, g.First().ProductTitle, g.Any(InForce)))
            .OrderBy(c => c.BuyerName, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.ProductTitle, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var labels = new Dictionary<string, DimensionLabel>(StringComparer.Ordinal);
        foreach (var dimension in agreements.SelectMany(a => a.Terms.Dimensions ?? []))
        {
            labels.TryAdd(dimension.Key, new DimensionLabel(dimension.Key, dimension.Name, dimension.Unit));
        }

        Labels = labels;
    }

    public IReadOnlyList<AgreementDto> Agreements { get; }

    public IReadOnlyList<(ProductId Id, string Title)> Products { get; }

    public IReadOnlyList<UsageCustomerOption> Customers { get; }

    public IReadOnlyDictionary<string, DimensionLabel> Labels { get; }

    public static bool InForce(AgreementDto agreement) =>
        agreement.Status is AgreementStatus.Trial or AgreementStatus.Active or AgreementStatus.CancelPending;

    public DimensionLabel Label(string dimension) => Labels.GetValueOrDefault(dimension) ?? new DimensionLabel(dimension, dimension, "");

    public static async Task<SellerAgreements> LoadAsync(IAgreementsQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var all = new List<AgreementDto>();
        for (var number = 1; all.Count < MaxAgreements; number++)
        {
            var page = await queries.ListAsync(new AgreementFilter(), user.AgreementsCaller(), new PageRequest(number, PageRequest.MaxSize), cancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count < PageRequest.MaxSize)
            {
                break;
            }
        }

        return new SellerAgreements(all);
    }

}
