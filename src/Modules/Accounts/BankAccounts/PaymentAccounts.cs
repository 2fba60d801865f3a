using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.OperatorEntities;
using Tradewind.Accounts.SellerEntities;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.BankAccounts;

/// <summary>Decrypts payout and collection accounts for payment files; see <see cref="IPaymentAccounts"/>.</summary>
internal sealed class PaymentAccounts(TradewindDbContext db, BankAccountProtector protector) : IPaymentAccounts
{
    public async Task<IReadOnlyList<SellerPayoutAccount>> ListVerifiedPayoutAccountsAsync(OrganisationId sellerId, string currency, CancellationToken cancellationToken)
    {
        var rows = await (
                from choice in db.Set<PayoutCurrency>().AsNoTracking()
                join account in db.Set<SellerBankAccount>().AsNoTracking() on choice.BankAccountId equals account.Id
                join entity in db.Set<SellerEntity>().AsNoTracking() on choice.SellerEntityId equals entity.Id
                where choice.SellerId == sellerId && choice.CurrencyCode == currency && account.Status == BankAccountStatus.Verified
                select new { Entity = entity, Account = account })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Entity.CreatedAt)
            .ThenBy(r => r.Entity.Id.Value)
            .Select(r => new SellerPayoutAccount(r.Entity.Id, r.Entity.LegalName, r.Account.Id, Details(r.Account.HolderName, r.Account.Last4, r.Account.ProtectedDetails)))
            .ToList();
    }

    public async Task<PaymentAccountDetails?> FindCollectionAccountAsync(string entityCode, string currency, CancellationToken cancellationToken)
    {
        var entity = await db.Set<OperatorEntity>().AsNoTracking().SingleOrDefaultAsync(e => e.Code == entityCode, cancellationToken);
        var account = entity?.CollectionAccounts.FirstOrDefault(a => string.Equals(a.CurrencyCode, currency, StringComparison.Ordinal))
            ?? entity?.CollectionAccounts.FirstOrDefault(a => string.Equals(a.CurrencyCode, entity.CurrencyCode, StringComparison.Ordinal))
            ?? entity?.CollectionAccounts.FirstOrDefault();
        return account is null ? null : Details(account.HolderName, account.Last4, account.ProtectedDetails);
    }

    private PaymentAccountDetails Details(string holderName, string last4, string protectedDetails)
    {
        var details = protector.Unprotect(protectedDetails);
        return new PaymentAccountDetails(holderName, details.CountryCode, details.CurrencyCode, details.Iban, details.AccountNumber, details.Bic, details.RoutingCode, last4);
    }
}
