using Tradewind.Agreements.Agreements;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.Tests.Agreements;

/// <summary>Listings, plans and agreements for lifecycle tests.</summary>
internal static class Plans
{
    public static readonly DateTimeOffset Start = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

    private static readonly UsageDimension Requests = new("requests", "API requests", "request", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "0.002"));

    public static PlanTerms Usage() => new("Usage", null, null, null, [Requests], null);

    public static PlanTerms Trial(int days, decimal? quota = null) =>
        new("Trial", null, new FreeTrialTerms(days, quota is { } q ? [new DimensionQuantity("requests", q)] : null), null, [Requests], null);

    public static PlanTerms Contract(int months) =>
        new("Annual", null, null, null, [Requests with { Price = null }], new ContractTerms(months, "1200.00", 1, false, [new Entitlement("requests", 1_000_000)]));

    public static Agreement Accept(PlanTerms terms, DateTimeOffset? at = null, bool trialAllowed = true)
    {
        var product = ProductId.From(Guid.CreateVersion7());
        var seller = OrganisationId.From(Guid.CreateVersion7());
        var listing = new ListingDto(product, "alpha-logs", "Alpha Logs", "Logs.", "Long.", seller, "Alpha", "observability", "Observability", ListingStatus.Published, Start);
        var plan = new PlanVersionDto(PlanId.From(Guid.CreateVersion7()), product, 1, terms, Start, [], [], []);
        return Agreement.Accept(
            AgreementId.From(Guid.CreateVersion7()), "TWTESTCUSTOM1", OrganisationId.From(Guid.CreateVersion7()), "Gamma", "JP", listing, plan,
            new AcceptedLicence(LicenceKind.Standard, "2026-11", "en"), TermsJson.Write(terms), trialAllowed, at ?? Start);
    }
}
