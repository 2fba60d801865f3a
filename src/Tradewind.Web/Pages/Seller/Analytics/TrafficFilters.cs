using System.Globalization;
using System.Security.Claims;
using Tradewind.Contracts;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Analytics;

/// <summary>
/// The period and product filters of the seller's traffic pages: <c>period</c> is <c>7d</c>, <c>30d</c> (default),
/// <c>90d</c> or <c>custom</c> with <c>from</c>/<c>to</c> (UTC days); a product the seller does not own is ignored.
/// </summary>
internal sealed record TrafficFilters(string Period, DateOnly? CustomFrom, DateOnly? CustomTo, AnalyticsRange Range, ProductId? Product, IReadOnlyList<(ProductId Id, string Title)> Products)
{
    public static readonly string[] Periods = ["7d", "30d", "90d", "custom"];

    public static async Task<TrafficFilters> LoadAsync(
        ICatalogQueries catalog, ClaimsPrincipal user, DateOnly today, string? period, string? from, string? to, string? product, CancellationToken cancellationToken)
    {
        var key = Periods.FirstOrDefault(p => string.Equals(p, period, StringComparison.OrdinalIgnoreCase)) ?? "30d";
        DateOnly? start = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null;
        DateOnly? end = DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        AnalyticsRange range;
        if (key == "custom" && start is { } s && end is { } e && s <= e && e.DayNumber - s.DayNumber < AnalyticsRange.MaxDays)
        {
            range = new AnalyticsRange(s, e);
        }
        else
        {
            key = key == "custom" ? "30d" : key;
            range = AnalyticsRange.Resolve(null, today, today, int.Parse(key.AsSpan(0, key.Length - 1), CultureInfo.InvariantCulture));
        }

        var products = new List<(ProductId, string)>();
        for (var number = 1; ; number++)
        {
            var page = await catalog.ListBySellerAsync(user.OrganisationId(), new PageRequest(number, PageRequest.MaxSize), cancellationToken);
            products.AddRange(page.Items.Select(l => (l.Id, l.Title)));
            if (!page.HasNext)
            {
                break;
            }
        }

        ProductId? selected = ProductId.TryParse(product, out var id) && products.Any(p => p.Item1 == id) ? id : null;
        return new TrafficFilters(key, start, end, range, selected, products);
    }

    public AnalyticsScope Scope(ClaimsPrincipal user) => new(user.OrganisationId(), Product);

    /// <summary>The filters as a query string, with extra parameters (format, breakdown).</summary>
    public string Query(params (string Name, string Value)[] extra)
    {
        var parts = new List<string> { $"period={Period}" };
        if (Period == "custom")
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"from={Range.From:yyyy-MM-dd}"));
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"to={Range.To:yyyy-MM-dd}"));
        }

        if (Product is { } p)
        {
            parts.Add($"product={p}");
        }

        parts.AddRange(extra.Select(x => $"{x.Name}={Uri.EscapeDataString(x.Value)}"));
        return "?" + string.Join('&', parts);
    }
}
