using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// The operator's own legal entities (merchants of record), the routing table that picks the one invoicing a buyer,
/// and the routing answer itself.
/// </summary>
internal static class OperatorEntitiesApi
{
    public static RouteGroupBuilder MapOperatorEntitiesApi(this RouteGroupBuilder api)
    {
        var entities = api.MapGroup("/operator-entities").WithTags("Operator entities").RequireAuthorization(Policies.Operator);
        entities.MapGet("/", List).WithSummary("The operator's legal entities");
        entities.MapGet("/{code}", Get).WithSummary("One operator entity, by its code");
        entities.MapPost("/", Create).WithSummary("Create an operator entity (send an Idempotency-Key)");
        entities.MapPut("/{code}", Update).WithSummary("Change an operator entity; its code never changes");

        var rules = api.MapGroup("/routing-rules").WithTags("Operator entities").RequireAuthorization(Policies.Operator);
        rules.MapGet("/", ListRules).WithSummary("The issuing-entity routing table, in the order rules are tried");
        rules.MapPut("/", ReplaceRules).WithSummary("Replace the whole routing table");

        api.MapGet("/issuing-entity", Resolve).WithTags("Operator entities").RequireAuthorization()
            .WithSummary("Which operator entity invoices a buyer in buyerCountry for a seller entity in sellerCountry");
        return api;
    }

    public sealed record OperatorEntityResponse(
        Guid Id,
        string Code,
        string LegalName,
        string CountryCode,
        PostalAddress Address,
        string CurrencyCode,
        IReadOnlyList<string> AcceptedCurrencies,
        IReadOnlyList<TaxRegistrationDto> TaxRegistrations,
        InvoiceSeriesDto InvoiceSeries,
        IReadOnlyList<CollectionAccountDto> CollectionAccounts,
        string ServesRegion,
        DateTimeOffset CreatedAt,
        string? PeppolParticipantId,
        string? SepaCreditorId);

    public sealed record OperatorEntityRequest(
        string? Code,
        string LegalName,
        string CountryCode,
        PostalAddress? Address,
        string CurrencyCode,
        IReadOnlyList<string>? AcceptedCurrencies,
        IReadOnlyList<TaxRegistrationDto>? TaxRegistrations,
        InvoiceSeriesDto? InvoiceSeries,
        IReadOnlyList<NewCollectionAccount>? CollectionAccounts,
        string ServesRegion,
        string? PeppolParticipantId = null,
        string? SepaCreditorId = null);

    public sealed record RoutingRuleResponse(
        Guid Id, int Priority, IReadOnlyList<string> BuyerCountries, IReadOnlyList<string> ExceptBuyerCountries, SellerCondition SellerCondition, string? SellerCountry, string EntityCode);

    public sealed record RoutingRulesRequest(IReadOnlyList<RoutingRuleInput>? Rules);

    public sealed record IssuingEntityResponse(string Code, string LegalName, string Country);

    private static async Task<Ok<IReadOnlyList<OperatorEntityResponse>>> List(IAccountsQueries accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<OperatorEntityResponse>>((await accounts.ListOperatorEntitiesAsync(cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Ok<OperatorEntityResponse>> Get(string code, IAccountsQueries accounts, CancellationToken cancellationToken) =>
        await accounts.FindOperatorEntityAsync(code, cancellationToken) is { } entity
            ? TypedResults.Ok(ToResponse(entity))
            : throw new DomainException("operator-entity-not-found", $"There is no operator entity with code {code}.", DomainErrorKind.NotFound);

    private static async Task<Created<OperatorEntityResponse>> Create(OperatorEntityRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateOperatorEntityAsync(ToInput(request, request.Code ?? ""), user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/v1/operator-entities/{created.Code}", ToResponse(created));
    }

    private static async Task<Ok<OperatorEntityResponse>> Update(string code, OperatorEntityRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.UpdateOperatorEntityAsync(code, ToInput(request, request.Code ?? code), user.Actor(), cancellationToken)));

    private static async Task<Ok<IReadOnlyList<RoutingRuleResponse>>> ListRules(IAccountsQueries accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<RoutingRuleResponse>>((await accounts.ListRoutingRulesAsync(cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Ok<IReadOnlyList<RoutingRuleResponse>>> ReplaceRules(RoutingRulesRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<RoutingRuleResponse>>(
            (await accounts.ReplaceRoutingRulesAsync(request.Rules ?? [], user.Actor(), cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Ok<IssuingEntityResponse>> Resolve(string? buyerCountry, string? sellerCountry, IAccountsQueries accounts, CancellationToken cancellationToken)
    {
        var entity = await accounts.ResolveIssuingEntityAsync(buyerCountry ?? "", sellerCountry ?? "", cancellationToken);
        return TypedResults.Ok(new IssuingEntityResponse(entity.Code, entity.LegalName, entity.CountryCode));
    }

    private static NewOperatorEntity ToInput(OperatorEntityRequest r, string code) => new(
        code, r.LegalName, r.CountryCode, r.Address!, r.CurrencyCode, r.AcceptedCurrencies, r.TaxRegistrations, r.InvoiceSeries!, r.CollectionAccounts, r.ServesRegion, r.PeppolParticipantId, r.SepaCreditorId);

    private static OperatorEntityResponse ToResponse(OperatorEntityDto e) => new(
        e.Id.Value, e.Code, e.LegalName, e.CountryCode, e.Address, e.CurrencyCode, e.AcceptedCurrencies, e.TaxRegistrations, e.InvoiceSeries, e.CollectionAccounts, e.ServesRegion, e.CreatedAt, e.PeppolParticipantId, e.SepaCreditorId);

    private static RoutingRuleResponse ToResponse(RoutingRuleDto r) =>
        new(r.Id.Value, r.Priority, r.BuyerCountries, r.ExceptBuyerCountries, r.SellerCondition, r.SellerCountry, r.EntityCode);
}
