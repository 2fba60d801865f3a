namespace Tradewind.Web.Demo;

internal static class DemoCatalog
{
    public static IReadOnlyList<DemoCategory> Categories { get; } = [new("devops", "DevOps", "Infrastructure"), new("security", "Security", "Security")];

    public static IReadOnlyList<DemoSeller> Sellers { get; } =
    [
        new("Northwind Analytics Inc.", "US", "US-WA", "Avery Chen", "avery", [new DemoProduct("Pipeline Pilot", "devops", "CI for all.", "Long text.")]),
    ];

    public static IReadOnlyList<DemoBuyer> Buyers { get; } = [new("Rheinwerk Logistik GmbH", "DE", null, "Lena Vogel", "lena")];
}

internal sealed record DemoCategory(string Slug, string Name, string Group);

internal sealed record DemoProduct(string Title, string CategorySlug, string ShortDescription, string LongDescription);

internal sealed record DemoSeller(string Name, string CountryCode, string? SubdivisionCode, string ContactName, string EmailLocalPart, IReadOnlyList<DemoProduct> Products);

internal sealed record DemoBuyer(string Name, string CountryCode, string? SubdivisionCode, string ContactName, string EmailLocalPart);
