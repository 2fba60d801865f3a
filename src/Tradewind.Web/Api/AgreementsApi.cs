using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Agreements: what buyers accepted, scoped by role — the operator sees every agreement, a seller its products' customers,
/// a buyer its own organisation's (anything else answers 404). Every agreement carries its <c>status</c>
/// (<c>trial</c>, <c>active</c>, <c>cancel_pending</c>, <c>cancelled</c>, <c>suspended</c>, <c>expired</c>, <c>replaced</c>).
/// </summary>
internal static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agreements").WithTags("Agreements").RequireAuthorization();
        group.MapGet("/", List).WithSummary("Agreements you may see, newest first; filter by status, productId, customerIdentifier");
        group.MapGet("/{id:guid}", Get).WithSummary("One agreement with its copied terms and entitlements");
        group.MapPost("/", Subscribe).WithSummary("Subscribe to a published plan (buyers; send an Idempotency-Key); returns the registration token").RequireAuthorization(Policies.Buyer);
        group.MapPost("/{id:guid}/registration-token", IssueToken).WithSummary("A fresh registration token for the seller's setup (buyers)").RequireAuthorization(Policies.Buyer);
        group.MapPost("/{id:guid}/cancel", Cancel).WithSummary("Cancel immediately or at the end of the period or trial (buyer or operator)");
        group.MapPost("/{id:guid}/resume", Resume).WithSummary("Withdraw a cancellation that has not taken effect (buyer or operator)");
        group.MapPost("/{id:guid}/suspend", Suspend).WithSummary("Suspend for cause, with a reason (seller or operator)");
        group.MapPost("/{id:guid}/reinstate", Reinstate).WithSummary("Reinstate a suspended agreement, with a reason (seller or operator)");

        api.MapGet("/entitlements", ListEntitlements).WithTags("Agreements").RequireAuthorization()
            .WithSummary("Entitlements you may see; filter by productId, customerIdentifier, dimension, and at (valid at that instant)");
        api.MapPost("/fulfilment/resolve", Resolve).WithTags("Agreements").RequireAuthorization(ProductsApi.SellerOrOperator)
            .WithSummary("Exchange a registration token (x-amzn-marketplace-token) for the customer; a token resolves to the same customer until it expires");
        return api;
    }

    public sealed record SubscribeBody(Guid ProductId, Guid PlanId, string? AcceptedLicenceVersion, string? Language);

    public sealed record CancelBody(CancellationTiming? Effective);

    public sealed record ReasonBody(string? Reason);

    public sealed record ResolveBody(string? RegistrationToken);

    public sealed record LicenceResponse(LicenceKind Kind, string Version, string Language);

    public sealed record EntitlementResponse(Guid AgreementId, string CustomerIdentifier, string ProductCode, string Dimension, decimal? Quantity, bool Unlimited, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo);

    public sealed record AgreementResponse(
        Guid Id,
        string Status,
        string CustomerIdentifier,
        string ProductCode,
        string OfferId,
        Guid BuyerId,
        string BuyerName,
        Guid SellerId,
        Guid ProductId,
        string ProductTitle,
        Guid PlanId,
        int PlanVersion,
        PlanTerms Terms,
        string Currency,
        LicenceResponse Licence,
        DateTimeOffset AcceptedAt,
        DateTimeOffset? TrialEndsAt,
        DateTimeOffset? PeriodStart,
        DateTimeOffset? PeriodEnd,
        DateTimeOffset? ContractEndsAt,
        DateTimeOffset? CancelAt,
        DateTimeOffset? EndedAt,
        string? SuspensionReason,
        DateTimeOffset? FirstUsageAt,
        IReadOnlyList<EntitlementResponse> Entitlements,
        Guid? PrivateOfferId = null);

    public sealed record FulfilmentResponse(string? Url, string RegistrationToken, DateTimeOffset ExpiresAt, bool FreeTrial);

    public sealed record SubscriptionResponse(AgreementResponse Agreement, FulfilmentResponse Fulfilment);

    public sealed record ResolvedCustomerResponse(
        string CustomerIdentifier, string ProductCode, string OfferIdentifier, Guid AgreementId, Guid BuyerId, string BuyerName, string BuyerCountry, string Status, bool FreeTrial);

    private static async Task<Ok<ApiPage<AgreementResponse>>> List(
        IAgreementsQueries agreements, ClaimsPrincipal user, string? status, Guid? productId, string? customerIdentifier, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new AgreementFilter(ParseStatus(status), productId is { } p ? new ProductId(p) : null, customerIdentifier);
        var result = await agreements.ListAsync(filter, user.AgreementsCaller(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<AgreementResponse>.From(result, ToResponse));
    }

    private static async Task<Results<Ok<AgreementResponse>, ProblemHttpResult>> Get(Guid id, IAgreementsQueries agreements, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await agreements.FindAsync(new AgreementId(id), user.AgreementsCaller(), cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : NotFound(id);

    private static async Task<Created<SubscriptionResponse>> Subscribe(SubscribeBody body, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        new Validation()
            .Require(body.ProductId != Guid.Empty, "productId", "Give the product's id.")
            .Require(body.PlanId != Guid.Empty, "planId", "Give the id of one of the product's published plans.")
            .Require(!string.IsNullOrWhiteSpace(body.AcceptedLicenceVersion), "acceptedLicenceVersion", "Accept the licence: give the version you accept (the listing's licence version).")
            .ThrowIfInvalid();
        var language = string.IsNullOrWhiteSpace(body.Language) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : body.Language;
        var subscription = await commands.SubscribeAsync(
            new SubscribeRequest(new ProductId(body.ProductId), new PlanId(body.PlanId), body.AcceptedLicenceVersion!, language), user.AgreementsCaller(), cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/{subscription.Agreement.Id}", new SubscriptionResponse(ToResponse(subscription.Agreement), ToResponse(subscription.Fulfilment)));
    }

    private static async Task<Ok<FulfilmentResponse>> IssueToken(Guid id, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.IssueRegistrationTokenAsync(new AgreementId(id), user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<AgreementResponse>> Cancel(Guid id, CancelBody body, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Effective is not { } effective)
        {
            throw new ValidationFailedException("effective", "Say when the cancellation takes effect: immediately or endOfPeriod.");
        }

        return TypedResults.Ok(ToResponse(await commands.CancelAsync(new AgreementId(id), effective, user.AgreementsCaller(), cancellationToken)));
    }

    private static async Task<Ok<AgreementResponse>> Resume(Guid id, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.ResumeAsync(new AgreementId(id), user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<AgreementResponse>> Suspend(Guid id, ReasonBody body, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.SuspendAsync(new AgreementId(id), body.Reason ?? "", user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<AgreementResponse>> Reinstate(Guid id, ReasonBody body, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await commands.ReinstateAsync(new AgreementId(id), body.Reason ?? "", user.AgreementsCaller(), cancellationToken)));

    private static async Task<Ok<ApiPage<EntitlementResponse>>> ListEntitlements(
        IAgreementsQueries agreements, ClaimsPrincipal user, Guid? productId, string? customerIdentifier, string? dimension, DateTimeOffset? at, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var result = await agreements.ListEntitlementsAsync(
            productId is { } p ? new ProductId(p) : null, customerIdentifier, dimension, at, user.AgreementsCaller(), PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<EntitlementResponse>.From(result, ToResponse));
    }

    private static async Task<Ok<ResolvedCustomerResponse>> Resolve(ResolveBody body, IAgreementsCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var resolved = await commands.ResolveCustomerAsync(body.RegistrationToken ?? "", user.AgreementsCaller(), cancellationToken);
        return TypedResults.Ok(new ResolvedCustomerResponse(
            resolved.CustomerIdentifier, resolved.ProductCode, resolved.OfferId, resolved.AgreementId.Value, resolved.BuyerId.Value, resolved.BuyerName, resolved.BuyerCountry,
            WireStatus(resolved.Status), resolved.FreeTrial));
    }

    public static AgreementsCaller AgreementsCaller(this ClaimsPrincipal user) => new(user.OrganisationId(), user.Role() ?? Roles.Buyer, user.Actor());

    /// <summary>The wire name of a status: <c>cancel_pending</c>.</summary>
    public static string WireStatus(AgreementStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static AgreementStatus? ParseStatus(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<AgreementStatus>())
        {
            if (string.Equals(WireStatus(candidate), status.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new ValidationFailedException("status", "Status must be trial, active, cancel_pending, cancelled, suspended, expired or replaced.");
    }

    public static AgreementResponse ToResponse(AgreementDto a) => new(
        a.Id.Value, WireStatus(a.Status), a.CustomerIdentifier, a.ProductCode, a.OfferId, a.BuyerId.Value, a.BuyerName, a.SellerId.Value, a.ProductId.Value, a.ProductTitle,
        a.PlanId.Value, a.PlanVersion, a.Terms, a.Currency, new LicenceResponse(a.Licence.Kind, a.Licence.Version, a.Licence.Language), a.AcceptedAt, a.TrialEndsAt,
        a.PeriodStart, a.PeriodEnd, a.ContractEndsAt, a.CancelAt, a.EndedAt, a.SuspensionReason, a.FirstUsageAt, a.Entitlements.Select(ToResponse).ToList(),
        a.PrivateOfferId?.Value);

    private static EntitlementResponse ToResponse(EntitlementDto e) =>
        new(e.AgreementId.Value, e.CustomerIdentifier, e.ProductCode, e.Dimension, e.Quantity, e.Unlimited, e.ValidFrom, e.ValidTo);

    private static FulfilmentResponse ToResponse(FulfilmentHandoff f) => new(f.Url, f.RegistrationToken, f.ExpiresAt, f.FreeTrial);

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"Agreement {id} does not exist.",
        type: Problems.ProblemDetailsDefaults.TypeBase + "agreement-not-found");
}
