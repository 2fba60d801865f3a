using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Banking;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Seller entities' payout accounts and payout currencies. Account numbers go in once and never come back: responses
/// carry the last four characters only.
/// </summary>
internal static class BankAccountsApi
{
    public static RouteGroupBuilder MapBankAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/seller-entities/{entityId:guid}").WithTags("Bank accounts")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator));
        group.MapGet("/bank-accounts", List).WithSummary("The entity's payout accounts (last four characters only)");
        group.MapPost("/bank-accounts", Add).RequireAuthorization(Policies.Seller)
            .WithSummary("Add a payout account; two small deposits are sent to it for verification (send an Idempotency-Key)");
        group.MapPost("/bank-accounts/{accountId:guid}/verify", Confirm).RequireAuthorization(Policies.Seller)
            .WithSummary("Confirm the two deposit amounts; three wrong tries lock the account");
        group.MapPost("/bank-accounts/{accountId:guid}/manual-verification", VerifyManually).RequireAuthorization(Policies.Operator)
            .WithSummary("The operator verifies a pending or locked account by other means, with a note");
        group.MapGet("/payout-currencies", ListCurrencies).WithSummary("The currencies the entity is paid in, each with its account");
        group.MapPut("/payout-currencies/{currency}", SetCurrency).RequireAuthorization(Policies.Seller)
            .WithSummary("Enable a payout currency and map it to a verified account of that currency");
        group.MapDelete("/payout-currencies/{currency}", DisableCurrency).RequireAuthorization(Policies.Seller).WithSummary("Stop paying out in a currency");

        api.MapPost("/bank-accounts/validate", Validate).WithTags("Bank accounts").RequireAuthorization()
            .WithSummary("Check bank details without storing them: the scheme for the country, check digits, and the currency");
        return api;
    }

    public sealed record BankAccountResponse(
        Guid Id, Guid SellerEntityId, string CountryCode, string CurrencyCode, string HolderName, string Last4, BankAccountStatus Status,
        int FailedVerificationAttempts, DateTimeOffset? VerifiedAt, DateTimeOffset CreatedAt);

    public sealed record AddBankAccountRequest(string CountryCode, string CurrencyCode, string HolderName, string? Iban, string? AccountNumber, string? Bic, string? RoutingCode);

    public sealed record ConfirmRequest(IReadOnlyList<decimal>? Amounts);

    public sealed record ManualVerificationRequest(string Note);

    public sealed record PayoutCurrencyResponse(string CurrencyCode, Guid BankAccountId, string Last4, DateTimeOffset EnabledAt);

    public sealed record SetPayoutCurrencyRequest(Guid BankAccountId);

    public sealed record ValidateRequest(string? Country, string? Currency, string? Iban, string? AccountNumber, string? Bic, string? RoutingCode);

    public sealed record ValidateResponse(bool Valid, string Normalized, string? Reason);

    private static async Task<Ok<IReadOnlyList<BankAccountResponse>>> List(Guid entityId, IAccountsQueries accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<BankAccountResponse>>(
            (await accounts.ListBankAccountsAsync(SellerEntityId.From(entityId), user.SellerScope(), cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Created<BankAccountResponse>> Add(Guid entityId, AddBankAccountRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var added = await accounts.AddBankAccountAsync(
            user.OrganisationId(),
            SellerEntityId.From(entityId),
            new NewBankAccount(request.CountryCode, request.CurrencyCode, request.HolderName, request.Iban, request.AccountNumber, request.Bic, request.RoutingCode),
            user.Actor(),
            cancellationToken);
        return TypedResults.Created($"/api/v1/seller-entities/{entityId}/bank-accounts/{added.Id}", ToResponse(added));
    }

    private static async Task<Ok<BankAccountResponse>> Confirm(
        Guid entityId, Guid accountId, ConfirmRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.ConfirmMicroDepositsAsync(
            user.OrganisationId(), SellerEntityId.From(entityId), BankAccountId.From(accountId), request.Amounts ?? [], user.Actor(), cancellationToken)));

    private static async Task<Ok<BankAccountResponse>> VerifyManually(
        Guid entityId, Guid accountId, ManualVerificationRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.VerifyBankAccountManuallyAsync(
            SellerEntityId.From(entityId), BankAccountId.From(accountId), request.Note, user.Actor(), cancellationToken)));

    private static async Task<Ok<IReadOnlyList<PayoutCurrencyResponse>>> ListCurrencies(Guid entityId, IAccountsQueries accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PayoutCurrencyResponse>>(
            (await accounts.ListPayoutCurrenciesAsync(SellerEntityId.From(entityId), user.SellerScope(), cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Ok<PayoutCurrencyResponse>> SetCurrency(
        Guid entityId, string currency, SetPayoutCurrencyRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.BankAccountId == Guid.Empty)
        {
            throw new ValidationFailedException("bankAccountId", "Name the verified account that receives this currency.");
        }

        return TypedResults.Ok(ToResponse(await accounts.SetPayoutCurrencyAsync(
            user.OrganisationId(), SellerEntityId.From(entityId), currency, BankAccountId.From(request.BankAccountId), user.Actor(), cancellationToken)));
    }

    private static async Task<NoContent> DisableCurrency(Guid entityId, string currency, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await accounts.DisablePayoutCurrencyAsync(user.OrganisationId(), SellerEntityId.From(entityId), currency, user.Actor(), cancellationToken);
        return TypedResults.NoContent();
    }

    // The normalized form echoes the caller's own input back; stored accounts are never shown beyond their last four.
    private static Ok<ValidateResponse> Validate(ValidateRequest request)
    {
        var validation = new Validation();
        var countryOk = CountryCode.TryParse(request.Country?.Trim().ToUpperInvariant(), out var country);
        var currencyOk = Currency.TryFromCode(request.Currency?.Trim().ToUpperInvariant(), out var currency);
        validation
            .Require(countryOk, "country", "Give the ISO 3166-1 alpha-2 code of the country where the account is held.")
            .Require(currencyOk, "currency", "Give the ISO 4217 code of the account's currency, e.g. EUR.")
            .ThrowIfInvalid();
        var check = BankAccountValidator.Validate(country, currency!, request.Iban, request.AccountNumber, request.Bic, request.RoutingCode);
        return TypedResults.Ok(new ValidateResponse(check.Valid, check.Normalized, check.Reason));
    }

    private static BankAccountResponse ToResponse(BankAccountDto a) => new(
        a.Id.Value, a.SellerEntityId.Value, a.CountryCode, a.CurrencyCode, a.HolderName, a.Last4, a.Status, a.FailedVerificationAttempts, a.VerifiedAt, a.CreatedAt);

    private static PayoutCurrencyResponse ToResponse(PayoutCurrencyDto p) => new(p.CurrencyCode, p.BankAccountId.Value, p.Last4, p.EnabledAt);
}
