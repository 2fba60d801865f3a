using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Localization;

namespace Tradewind.Web.Caching;

/// <summary>
/// Anonymous storefront pages (home, categories, listing pages, search) are rendered once per culture and query and
/// served from memory for <see cref="Duration"/> — the same minute their <c>Cache-Control: max-age=60</c> already
/// allows browsers and proxies. Signed-in visitors, POSTs and responses that set cookies are never cached (the output
/// cache's default rules). A catalogue change evicts the cached pages on the node that delivers its event; other nodes
/// serve the old page for at most <see cref="Duration"/>, which the max-age already promises.
/// </summary>
internal static class StorefrontOutputCache
{
    public const string PolicyName = "storefront";
    public const string Tag = "storefront";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static readonly string[] Pages = ["/Index", "/Categories/Index", "/Categories/Category", "/Products/Product", "/Search", "/Legal/StandardContract"];

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(PolicyName, policy => policy
            .Expire(Duration)
            .SetVaryByQuery("*")
            // The language, the formatting culture (fr-FR and fr-CA print the same French differently) and the
            // language prefix, which the page's links and canonical URL carry.
            .VaryByValue(context => new KeyValuePair<string, string>(
                "culture", $"{CultureInfo.CurrentUICulture.Name}|{CultureInfo.CurrentCulture.Name}|{context.Request.PathBase}"))
            .Tag(Tag));
}

/// <summary>Evicts cached storefront pages when what they show changes.</summary>
internal sealed class StorefrontCacheEviction(IOutputCacheStore store) :
    IIntegrationEventConsumer<ProductPublished>,
    IIntegrationEventConsumer<ProductRestricted>,
    IIntegrationEventConsumer<ProductArchived>,
    IIntegrationEventConsumer<ListingTranslationsChanged>
{
    public Task ConsumeAsync(ProductPublished integrationEvent, CancellationToken cancellationToken) => EvictAsync(cancellationToken);

    public Task ConsumeAsync(ProductRestricted integrationEvent, CancellationToken cancellationToken) => EvictAsync(cancellationToken);

    public Task ConsumeAsync(ProductArchived integrationEvent, CancellationToken cancellationToken) => EvictAsync(cancellationToken);

    public Task ConsumeAsync(ListingTranslationsChanged integrationEvent, CancellationToken cancellationToken) => EvictAsync(cancellationToken);

    private async Task EvictAsync(CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(StorefrontOutputCache.Tag, cancellationToken);
}
