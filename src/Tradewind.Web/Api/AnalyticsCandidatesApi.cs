using System.Globalization;
using System.Security.Claims;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// The upgrade-candidate (PQL) list (docs/analytics.md, "Upgrade candidates (PQL)"): the latest daily scores, highest
/// first, each with every rule's points and reason, the run-rate against the commitment tiers, PQL since and whether an
/// offer was sent; with the PQL → offer sent → accepted conversion and the rule table as definitions. A seller reads its
/// own accounts, the operator any seller's (<c>sellerId</c>) or the whole marketplace; buyers are refused.
/// </summary>
internal static class AnalyticsCandidatesApi
{
    public const int MinScoreLimit = 200;

    public static RouteGroupBuilder MapAnalyticsCandidatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator));
        group.MapGet("/upgrade-candidates", List)
            .WithSummary("Upgrade candidates (PQLs) of the latest scored day: productId, minScore, asOf (yyyy-MM-dd), page, pageSize, format=csv; the operator may pass sellerId");
        return api;
    }

    public sealed record RuleResponse(string Code, int Points, bool Applicable, string Reason);

    public sealed record CandidateResponse(
        DateOnly Day, Guid SellerId, Guid ProductId, string ProductTitle, Guid BuyerId, string BuyerName, Guid AgreementId, int Score, bool IsPql,
        DateOnly? PqlSince, IReadOnlyList<RuleResponse> TopReasons, IReadOnlyList<RuleResponse> Rules, MoneyDto? RunRatePerMonth,
        MoneyDto? SmallestCommitmentPerMonth, bool OfferSent);

    public sealed record ConversionResponse(int Pqls, int OffersSent, int OffersAccepted, decimal? MedianDaysPqlToOffer, decimal? MedianDaysOfferToAccepted);

    public sealed record CandidatesResponse(
        DateOnly? Day, int Threshold, ApiPage<CandidateResponse> Candidates, ConversionResponse Conversion, IReadOnlyList<MetricDefinition> Definitions);

    /// <summary>One CSV row: the score and its top three reasons.</summary>
    public sealed record CandidateCsvRow(
        DateOnly Day, Guid ProductId, string ProductTitle, Guid BuyerId, string BuyerName, Guid AgreementId, int Score, bool IsPql, DateOnly? PqlSince,
        string Reason1, string Reason2, string Reason3, string Currency, string RunRatePerMonth, string SmallestCommitmentPerMonth, bool OfferSent);

    private static async Task<IResult> List(
        IUpgradeCandidates candidates, ClaimsPrincipal user, TimeProvider clock,
        Guid? sellerId, Guid? productId, int? minScore, DateOnly? asOf, int? page, int? pageSize, string? format, CancellationToken cancellationToken)
    {
        var csv = format switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => throw new ValidationFailedException("format", "Use format=csv or leave it out for JSON."),
        };
        if (minScore is < -MinScoreLimit or > MinScoreLimit)
        {
            throw new ValidationFailedException("minScore", $"minScore is between -{MinScoreLimit} and {MinScoreLimit}.");
        }

        if (productId == Guid.Empty || sellerId == Guid.Empty)
        {
            throw new ValidationFailedException(productId == Guid.Empty ? "productId" : "sellerId", "Not a valid id.");
        }

        var seller = user.IsInRole(Roles.Operator) ? (sellerId is { } s ? OrganisationId.From(s) : (OrganisationId?)null) : user.OrganisationId();
        var scope = new AnalyticsScope(seller, productId is { } p ? ProductId.From(p) : null);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var report = await candidates.ListAsync(scope, minScore, asOf ?? today, PageRequest.From(page, csv ? PageRequest.MaxSize : pageSize), cancellationToken);
        if (csv)
        {
            return AnalyticsCsv.File(report.Candidates.Items.Select(CsvRow), "upgrade-candidates.csv");
        }

        var conversion = report.Conversion;
        return TypedResults.Ok(new CandidatesResponse(
            report.Day, report.Threshold, ApiPage<CandidateResponse>.From(report.Candidates, ToResponse),
            new ConversionResponse(conversion.Pqls, conversion.OffersSent, conversion.OffersAccepted, conversion.MedianDaysPqlToOffer, conversion.MedianDaysOfferToAccepted),
            report.Definitions));
    }

    private static CandidateResponse ToResponse(UpgradeCandidateDto c) => new(
        c.Day, c.SellerId.Value, c.ProductId.Value, c.ProductTitle, c.BuyerId.Value, c.BuyerName, c.AgreementId.Value, c.Score, c.IsPql, c.PqlSince,
        c.TopReasons.Select(Rule).ToList(), c.Rules.Select(Rule).ToList(), Amount(c.RunRateMinorPerMonth, c.Currency), Amount(c.SmallestCommitmentMinorPerMonth, c.Currency), c.OfferSent);

    private static RuleResponse Rule(PqlRuleOutcome r) => new(r.Code, r.Points, r.Applicable, r.Reason);

    private static MoneyDto? Amount(long? minor, string currency) =>
        minor is { } m ? MoneyDto.From(Primitives.Money.Money.FromMinor(m, Primitives.Money.Currency.FromCode(currency))) : null;

    public static CandidateCsvRow CsvRow(UpgradeCandidateDto c)
    {
        var top = c.TopReasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Code} {r.Points:+0;-0;0}: {r.Reason}")).ToList();
        return new CandidateCsvRow(
            c.Day, c.ProductId.Value, c.ProductTitle, c.BuyerId.Value, c.BuyerName, c.AgreementId.Value, c.Score, c.IsPql, c.PqlSince,
            top.ElementAtOrDefault(0) ?? "", top.ElementAtOrDefault(1) ?? "", top.ElementAtOrDefault(2) ?? "", c.Currency,
            Major(c.RunRateMinorPerMonth, c.Currency), Major(c.SmallestCommitmentMinorPerMonth, c.Currency), c.OfferSent);
    }

    private static string Major(long? minor, string currency) =>
        minor is { } m ? Primitives.Money.Money.FromMinor(m, Primitives.Money.Currency.FromCode(currency)).ToMajorString() : "";
}
