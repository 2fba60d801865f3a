using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Api;

/// <summary>
/// The double-entry ledger (operator): the trial balance per entity and currency, and the posted entries. Money is a
/// decimal string with exactly the currency's minor digits. Entries are append-only; nothing here changes them.
/// </summary>
internal static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Ledger").RequireAuthorization(Policies.Operator);
        ledger.MapGet("/trial-balance", TrialBalance).WithSummary("Debits and credits per currency and per account, as of an instant (default now); filter by entity and currency");
        ledger.MapGet("/entries", Entries).WithSummary("Posted entries, newest first; filter by entity, kind, source prefix, subject, currency");
        ledger.MapGet("/entries/{id:guid}", Entry).WithSummary("One posted entry with its lines");
        return api;
    }

    public sealed record CurrencyTotalResponse(string Currency, string Debits, string Credits);

    public sealed record AccountResponse(string Entity, string Code, string Account, string Subject, string Currency, string Debits, string Credits, string Balance);

    public sealed record TrialBalanceResponse(DateTimeOffset AsOf, string? Entity, string? Currency, IReadOnlyList<CurrencyTotalResponse> Currencies, IReadOnlyList<AccountResponse> Accounts);

    public sealed record LineResponse(string Code, string Account, string Subject, string Currency, string Debit, string Credit, string? Memo);

    public sealed record EntryResponse(
        Guid Id, string SourceKey, string Kind, string Entity, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, string Description, string Actor, IReadOnlyList<LineResponse> Lines);

    private static async Task<Ok<TrialBalanceResponse>> TrialBalance(
        ILedgerQueries queries, TimeProvider clock, string? entity, string? currency, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var code = CurrencyFilter(currency);
        var balance = await queries.GetTrialBalanceAsync(Trim(entity), code, asOf ?? clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new TrialBalanceResponse(
            balance.AsOf,
            balance.EntityCode,
            balance.Currency,
            balance.Currencies.Select(c => new CurrencyTotalResponse(c.Currency, c.Debits.ToMajorString(), c.Credits.ToMajorString())).ToList(),
            balance.Accounts.Select(a => new AccountResponse(
                a.EntityCode, a.AccountCode, a.Account.ToWire(), a.Subject, a.Currency, a.Debits.ToMajorString(), a.Credits.ToMajorString(), a.Balance.ToMajorString())).ToList()));
    }

    private static async Task<Ok<ApiPage<EntryResponse>>> Entries(
        ILedgerQueries queries, string? entity, string? kind, string? source, string? subject, string? currency, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new LedgerEntryFilter(Trim(entity), Trim(kind), Trim(source), Trim(subject), CurrencyFilter(currency));
        var result = await queries.ListEntriesAsync(filter, PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<EntryResponse>.From(result, ToResponse));
    }

    private static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> Entry(Guid id, ILedgerQueries queries, CancellationToken cancellationToken) =>
        await queries.FindEntryAsync(new LedgerEntryId(id), cancellationToken) is { } entry
            ? TypedResults.Ok(ToResponse(entry))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"Ledger entry {id} does not exist.",
                type: Problems.ProblemDetailsDefaults.TypeBase + "ledger-entry-not-found");

    private static EntryResponse ToResponse(LedgerEntryDto e) => new(
        e.Id.Value, e.SourceKey, e.Kind, e.EntityCode, e.EffectiveAt, e.RecordedAt, e.Description, e.Actor,
        e.Lines.Select(l => new LineResponse(l.AccountCode, l.Account.ToWire(), l.Subject, l.Currency, l.Debit.ToMajorString(), l.Credit.ToMajorString(), l.Memo)).ToList());

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? CurrencyFilter(string? currency)
    {
        if (Trim(currency) is not { } code)
        {
            return null;
        }

        if (!Primitives.Money.Currency.TryFromCode(code.ToUpperInvariant(), out var known))
        {
            throw new ValidationFailedException("currency", $"'{code}' is not an ISO 4217 currency code.");
        }

        return known.Code;
    }
}
