using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Api;

/// <summary>
/// Private offers (docs/private-offers.md): a seller writes a draft for one buyer or an email domain, sends it, and the buyer
/// opens, accepts (an agreement in the offer's currency) or declines it. Scoped like agreements: a seller its own offers, a
/// buyer those sent to it (never drafts), the operator all; anything else answers 404. Each offer carries its <c>status</c>
/// (<c>draft</c>, <c>published</c>, <c>viewed</c>, <c>accepted</c>, <c>declined</c>, <c>expired</c>, <c>withdrawn</c>) and <c>currency</c>.
/// </summary>
internal static class PrivateOffersApi
{
    public static RouteGroupBuilder MapPrivateOffersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/private-offers").WithTags("Private offers").RequireAuthorization();
        group.MapGet("/", List).WithSummary("Private offers you may see, newest first; filter by status, productId, buyerId, currency");
        group.MapGet("/report", Report).WithSummary("Offers published in [from, to): sent, viewed, accepted, declined, expired, withdrawn, median hours to accept, accepted contract value per currency (sellers, operator)")
            .RequireAuthorization(ProductsApi.SellerOrOperator);
        group.MapGet("/{id:guid}", Get).WithSummary("One private offer with its terms, schedule and history");
        group.MapPost("/", Create).WithSummary("Write a draft offer (sellers; send an Idempotency-Key)").RequireAuthorization(Policies.Seller);
        group.MapPut("/{id:guid}", Update).WithSummary("Replace a draft's terms (sellers; drafts only)").RequireAuthorization(Policies.Seller);
        group.MapPost("/{id:guid}/publish", Publish).WithSummary("Send a draft to the buyer (sellers)").RequireAuthorization(Policies.Seller);
        group.MapPost("/{id:guid}/withdraw", Withdraw).WithSummary("Withdraw a draft or an open offer, with an optional reason (sellers)").RequireAuthorization(Policies.Seller);
        group.MapPost("/{id:guid}/open", Open).WithSummary("The buyer opens the offer; the first time it becomes viewed (buyers)").RequireAuthorization(Policies.Buyer);
        group.MapPost("/{id:guid}/accept", Accept).WithSummary("Accept: returns the new agreement (buyers; replaceAgreement ends a running one)").RequireAuthorization(Policies.Buyer);
        group.MapPost("/{id:guid}/decline", Decline).WithSummary("Decline with a reason (buyers)").RequireAuthorization(Policies.Buyer);

        var templates = api.MapGroup("/private-offer-templates").WithTags("Private offers").RequireAuthorization(Policies.Seller);
        templates.MapGet("/", ListTemplates).WithSummary("Your saved offer templates, newest first");
        templates.MapGet("/{id:guid}", GetTemplate).WithSummary("One offer template");
        templates.MapPost("/", SaveTemplate).WithSummary("Save an offer draft (without its buyer) as a template");
        templates.MapDelete("/{id:guid}", DeleteTemplate).WithSummary("Delete a template");
        return api;
    }

    public sealed record PriceBody(string? Dimension, string? UnitPrice, decimal? DiscountPercent);

    public sealed record InstallmentBody(DateOnly DueOn, string? Amount);

    public sealed record EntitlementBody(string? Dimension, decimal? Quantity, bool Unlimited);

    public sealed record DraftBody(
        Guid ProductId,
        Guid? BasePlanId,
        Guid? FromAgreementId,
        Guid? BuyerId,
        string? BuyerEmailDomain,
        string? Currency,
        Guid SellerEntityId,
        int TermMonths,
        IReadOnlyList<PriceBody>? Prices,
        string? ContractPrice,
        IReadOnlyList<EntitlementBody>? Entitlements,
        IReadOnlyList<InstallmentBody>? Installments,
        bool Overage,
        bool ReplaceAgreement,
        LicenceKind? Licence,
        string? CustomTerms,
        DateOnly? ExpiresOn,
        string? NoteToBuyer,
        string? Name);

    public sealed record TemplateBody(string? Name, DraftBody? Draft);

    public sealed record ReasonBody(string? Reason);

    public sealed record AcceptBody(bool? ReplaceAgreement, string? Language);

    public sealed record StepResponse(string Action, string Actor, DateTimeOffset At, string? Detail);

    public sealed record PaymentResponse(int Number, DateOnly DueOn, MoneyDto Amount);

    public sealed record OfferResponse(
        Guid Id,
        string OfferId,
        string Name,
        string Status,
        Guid SellerId,
        string SellerName,
        Guid SellerEntityId,
        string SellerEntityName,
        Guid ProductId,
        string ProductTitle,
        string ProductSlug,
        Guid BasePlanId,
        Guid? BuyerId,
        string? BuyerName,
        string? BuyerEmailDomain,
        string Currency,
        int TermMonths,
        PlanTerms Terms,
        MoneyDto ContractValue,
        IReadOnlyList<PaymentResponse> Schedule,
        Guid? FromAgreementId,
        bool ReplaceAgreement,
        LicenceKind Licence,
        string? CustomTerms,
        DateOnly ExpiresOn,
        string? NoteToBuyer,
        DateTimeOffset CreatedAt,
        DateTimeOffset? PublishedAt,
        DateTimeOffset? ViewedAt,
        DateTimeOffset? AcceptedAt,
        DateTimeOffset? DeclinedAt,
        string? DeclineReason,
        DateTimeOffset? WithdrawnAt,
        DateTimeOffset? ExpiredAt,
        Guid? AgreementId,
        IReadOnlyList<StepResponse> History);

    public sealed record TemplateResponse(Guid Id, string Name, DraftBody Draft, DateTimeOffset CreatedAt, string CreatedBy);

    public sealed record ReportResponse(
        DateTimeOffset From, DateTimeOffset To, int Sent, int Viewed, int Accepted, int Declined, int Expired, int Withdrawn, double? MedianHoursToAccept,
        IReadOnlyList<MoneyDto> ContractValue);

    private static async Task<Ok<ApiPage<OfferResponse>>> List(
        IPrivateOffersQueries offers, ClaimsPrincipal user, string? status, Guid? productId, Guid? buyerId, string? currency, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new PrivateOfferFilter(ParseStatus(status), productId is { } p ? new ProductId(p) : null, buyerId is { } b ? new OrganisationId(b) : null, currency);
        var result = await offers.ListAsync(filter, user.AgreementsCaller(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<OfferResponse>.From(result, ToResponse));
    }

    private static async Task<Results<Ok<OfferResponse>, ProblemHttpResult>> Get(Guid id, IPrivateOffersQueries offers, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await offers.FindAsync(new PrivateOfferId(id), user.AgreementsCaller(), cancellationToken) is { } found ? TypedResults.Ok(ToResponse(found)) : NotFound("offer-not-found", $"Private offer {id} does not exist.");

    private static async Task<Created<OfferResponse>> Create(DraftBody body, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var offer = await commands.CreateAsync(ToDraft(body), user.AgreementsCaller(), cancellationToken);
        return TypedResults.Created($"/api/v1/private-offers/{offer.Id}", ToResponse(offer));
    }

    private static async Task<Ok<OfferResponse>> Update(Guid id, DraftBody body, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.UpdateAsync(new PrivateOfferId(id), ToDraft(body), user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<OfferResponse>> Publish(Guid id, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.PublishAsync(new PrivateOfferId(id), user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<OfferResponse>> Withdraw(Guid id, ReasonBody? body, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.WithdrawAsync(new PrivateOfferId(id), body?.Reason, user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<OfferResponse>> Open(Guid id, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.OpenAsync(new PrivateOfferId(id), user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<AgreementsApi.AgreementResponse>> Accept(Guid id, AcceptBody? body, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var language = string.IsNullOrWhiteSpace(body?.Language) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : body.Language;
        var agreement = await commands.AcceptAsync(new PrivateOfferId(id), new AcceptPrivateOffer(language, body?.ReplaceAgreement), user.AgreementsCaller(), cancellationToken);
        return TypedResults.Ok(AgreementsApi.ToResponse(agreement));
    }

    private static async Task<Ok<OfferResponse>> Decline(Guid id, ReasonBody? body, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.DeclineAsync(new PrivateOfferId(id), body?.Reason ?? "", user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<ReportResponse>> Report(IPrivateOffersQueries offers, ClaimsPrincipal user, DateTimeOffset? from, DateTimeOffset? to, TimeProvider clock, CancellationToken cancellationToken)
    {
        var until = to ?? clock.GetUtcNow();
        var since = from ?? until.AddDays(-30);
        var report = await offers.ReportAsync(since, until, user.AgreementsCaller(), cancellationToken);
        return TypedResults.Ok(new ReportResponse(
            report.From, report.To, report.Sent, report.Viewed, report.Accepted, report.Declined, report.Expired, report.Withdrawn, report.MedianHoursToAccept,
            report.ContractValue.Select(MoneyDto.From).ToList()));
    }

    private static async Task<Ok<ApiPage<TemplateResponse>>> ListTemplates(IPrivateOffersQueries offers, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPage<TemplateResponse>.From(await offers.ListTemplatesAsync(user.AgreementsCaller(), PageRequest.From(page, pageSize), cancellationToken), ToResponse));

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> GetTemplate(Guid id, IPrivateOffersQueries offers, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await offers.FindTemplateAsync(new OfferTemplateId(id), user.AgreementsCaller(), cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : NotFound("offer-template-not-found", $"Offer template {id} does not exist.");

    private static async Task<Created<TemplateResponse>> SaveTemplate(TemplateBody body, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Draft is null)
        {
            throw new ValidationFailedException("draft", "Give the offer draft to save.");
        }

        var template = await commands.SaveTemplateAsync(body.Name ?? "", ToDraft(body.Draft), user.AgreementsCaller(), cancellationToken);
        return TypedResults.Created($"/api/v1/private-offer-templates/{template.Id}", ToResponse(template));
    }

    private static async Task<NoContent> DeleteTemplate(Guid id, IPrivateOffersCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await commands.DeleteTemplateAsync(new OfferTemplateId(id), user.AgreementsCaller(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static PrivateOfferDraft ToDraft(DraftBody body)
    {
        new Validation()
            .Require(body.ProductId != Guid.Empty, "productId", "Give the product's id.")
            .Require(body.SellerEntityId != Guid.Empty, "sellerEntityId", "Give the legal entity that sells it.")
            .Require(!string.IsNullOrWhiteSpace(body.Currency), "currency", "Give the offer's currency (ISO 4217).")
            .Require(body.ExpiresOn is not null, "expiresOn", "Give the last day (UTC) the buyer may accept.")
            .Require(body.Prices?.All(p => p is not null) ?? true, "prices", "Prices are objects with a dimension and a unit price or a discount.")
            .Require(body.Installments?.All(i => i is not null) ?? true, "installments", "Installments are objects with dueOn and amount.")
            .Require(body.Entitlements?.All(e => e is not null) ?? true, "entitlements", "Entitlements are objects with a dimension and a quantity or unlimited.")
            .ThrowIfInvalid();
        return new PrivateOfferDraft(
            new ProductId(body.ProductId),
            body.BasePlanId is { } plan && plan != Guid.Empty ? new PlanId(plan) : null,
            body.FromAgreementId is { } from && from != Guid.Empty ? new AgreementId(from) : null,
            body.BuyerId is { } buyer && buyer != Guid.Empty ? new OrganisationId(buyer) : null,
            body.BuyerEmailDomain,
            body.Currency!,
            new SellerEntityId(body.SellerEntityId),
            body.TermMonths,
            body.Prices?.Select(p => new OfferDimensionPrice(p.Dimension ?? "", p.UnitPrice, p.DiscountPercent)).ToList(),
            body.ContractPrice,
            body.Entitlements?.Select(e => new Entitlement(e.Dimension ?? "", e.Quantity, e.Unlimited)).ToList(),
            body.Installments?.Select(i => new OfferInstallment(i.DueOn, i.Amount ?? "")).ToList(),
            body.Overage,
            body.ReplaceAgreement,
            body.Licence ?? LicenceKind.Standard,
            body.CustomTerms,
            body.ExpiresOn!.Value,
            body.NoteToBuyer,
            body.Name);
    }

    private static DraftBody ToBody(PrivateOfferDraft d) => new(
        d.ProductId.Value, d.BasePlanId?.Value, d.FromAgreementId?.Value, d.BuyerId?.Value, d.BuyerEmailDomain, d.Currency, d.SellerEntityId.Value, d.TermMonths,
        d.Prices?.Select(p => new PriceBody(p.Dimension, p.UnitPrice, p.DiscountPercent)).ToList(), d.ContractPrice,
        d.Entitlements?.Select(e => new EntitlementBody(e.Dimension, e.Quantity, e.Unlimited)).ToList(),
        d.Installments?.Select(i => new InstallmentBody(i.DueOn, i.Amount)).ToList(), d.Overage, d.ReplaceAgreement, d.Licence, d.CustomTerms, d.ExpiresOn, d.NoteToBuyer, d.Name);

    public static string WireStatus(PrivateOfferStatus status) => status.ToString().ToLowerInvariant();

    private static PrivateOfferStatus? ParseStatus(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<PrivateOfferStatus>())
        {
            if (string.Equals(WireStatus(candidate), status.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new ValidationFailedException("status", "Status must be draft, published, viewed, accepted, declined, expired or withdrawn.");
    }

    public static OfferResponse ToResponse(PrivateOfferDto o) => new(
        o.Id.Value, o.OfferId, o.Name, WireStatus(o.Status), o.SellerId.Value, o.SellerName, o.SellerEntityId.Value, o.SellerEntityName, o.ProductId.Value, o.ProductTitle,
        o.ProductSlug, o.BasePlanId.Value, o.BuyerId?.Value, o.BuyerName, o.BuyerEmailDomain, o.Currency, o.TermMonths, o.Terms, MoneyDto.From(o.ContractValue),
        o.Schedule.Select(p => new PaymentResponse(p.Number, p.DueOn, MoneyDto.From(p.Amount))).ToList(), o.FromAgreementId?.Value, o.ReplaceAgreement, o.Licence,
        o.CustomTerms, o.ExpiresOn, o.NoteToBuyer, o.CreatedAt, o.PublishedAt, o.ViewedAt, o.AcceptedAt, o.DeclinedAt, o.DeclineReason, o.WithdrawnAt, o.ExpiredAt,
        o.AgreementId?.Value, o.History.Select(s => new StepResponse(s.Action, s.Actor, s.At, s.Detail)).ToList());

    private static TemplateResponse ToResponse(OfferTemplateDto t) => new(t.Id.Value, t.Name, ToBody(t.Draft), t.CreatedAt, t.CreatedBy);

    private static ProblemHttpResult NotFound(string code, string title) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: title, type: Problems.ProblemDetailsDefaults.TypeBase + code);
}
