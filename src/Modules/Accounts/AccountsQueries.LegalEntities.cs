using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Accounts.OperatorEntities;
using Tradewind.Accounts.Routing;
using Tradewind.Accounts.SellerEntities;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

/// <summary>Reads of operator entities, routing, seller entities and payout accounts.</summary>
internal sealed partial class AccountsQueries
{
    public async Task<IReadOnlyList<OperatorEntityDto>> ListOperatorEntitiesAsync(CancellationToken cancellationToken) =>
        (await db.Set<OperatorEntity>().AsNoTracking().OrderBy(e => e.Code).ToListAsync(cancellationToken)).Select(e => e.ToDto()).ToList();

    public async Task<CollectionAccountDetails?> FindCollectionAccountDetailsAsync(string entityCode, string currency, CancellationToken cancellationToken)
    {
        var key = entityCode?.Trim().ToUpperInvariant() ?? "";
        var entity = await db.Set<OperatorEntity>().AsNoTracking().SingleOrDefaultAsync(e => e.Code == key, cancellationToken);
        if (entity?.CollectionAccounts.FirstOrDefault(a => string.Equals(a.CurrencyCode, currency, StringComparison.Ordinal)) is not { } account)
        {
            return null;
        }

        var details = bankDetails.Unprotect(account.ProtectedDetails);
        return new CollectionAccountDetails(entity.Code, account.CountryCode, account.CurrencyCode, account.HolderName, details.Iban is null ? null : Primitives.Banking.Iban.Parse(details.Iban).Value, details.Bic);
    }

    public async Task<OperatorEntityDto?> FindOperatorEntityAsync(string code, CancellationToken cancellationToken)
    {
        var key = code?.Trim().ToUpperInvariant() ?? "";
        return (await db.Set<OperatorEntity>().AsNoTracking().SingleOrDefaultAsync(e => e.Code == key, cancellationToken))?.ToDto();
    }

    public async Task<IReadOnlyList<RoutingRuleDto>> ListRoutingRulesAsync(CancellationToken cancellationToken) =>
        (await db.Set<RoutingRule>().AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(r => r.Priority).ThenBy(r => r.Id.Value).Select(r => r.ToDto()).ToList();

    public async Task<IssuingEntityDto> ResolveIssuingEntityAsync(string buyerCountry, string sellerCountry, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var buyerOk = Country.TryFromCode(buyerCountry?.Trim().ToUpperInvariant(), out var buyer);
        var sellerOk = Country.TryFromCode(sellerCountry?.Trim().ToUpperInvariant(), out var seller);
        validation
            .Require(buyerOk, "buyerCountry", "Give the buyer's ISO 3166-1 alpha-2 country code, e.g. DE.")
            .Require(sellerOk, "sellerCountry", "Give the ISO 3166-1 alpha-2 country code of the seller entity, e.g. US.")
            .ThrowIfInvalid();

        var rules = await db.Set<RoutingRule>().AsNoTracking().ToListAsync(cancellationToken);
        var entities = await db.Set<OperatorEntity>().AsNoTracking()
            .Select(e => new { e.Code, e.LegalName, e.CountryCode }).ToListAsync(cancellationToken);
        var codes = entities.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var rule = RoutingRule.Resolve(rules, codes, buyer!.Code.ToString(), seller!.Code.ToString())
            ?? throw new DomainException(
                "no-issuing-entity",
                $"No routing rule names an existing operator entity for buyers in {buyer.Code} buying from sellers in {seller.Code}; add a catch-all rule (*).");
        var entity = entities.Single(e => e.Code == rule.EntityCode);
        return new IssuingEntityDto(entity.Code, entity.LegalName, entity.CountryCode, rule.Id);
    }

    public async Task<SellerEntityDto?> FindSellerEntityAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken)
    {
        var query = db.Set<SellerEntity>().AsNoTracking().Where(e => e.Id == id);
        if (sellerId is { } seller)
        {
            query = query.Where(e => e.SellerId == seller);
        }

        var entity = await query.SingleOrDefaultAsync(cancellationToken);
        return entity is null ? null : (await WithTaxFormsAsync([entity], cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<SellerEntityDto>> ListSellerEntitiesAsync(OrganisationId sellerId, CancellationToken cancellationToken)
    {
        var entities = await db.Set<SellerEntity>().AsNoTracking().Where(e => e.SellerId == sellerId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return await WithTaxFormsAsync(entities, cancellationToken);
    }

    public async Task<Page<SellerEntityDto>> ListAllSellerEntitiesAsync(KycStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Set<SellerEntity>().AsNoTracking();
        query = status switch
        {
            null => query,
            KycStatus.Verified => query.Where(e => e.KycState == KycStatus.Verified && e.KycExpiresAt > now),
            KycStatus.Expired => query.Where(e => e.KycState == KycStatus.Verified && e.KycExpiresAt <= now),
            { } other => query.Where(e => e.KycState == other),
        };
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<SellerEntityDto>(await WithTaxFormsAsync(items, cancellationToken), page.Number, page.Size, total);
    }

    public async Task<TaxFormFile?> GetTaxFormAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken)
    {
        if (await FindSellerEntityAsync(id, sellerId, cancellationToken) is null)
        {
            return null;
        }

        return await db.Set<SellerTaxForm>().AsNoTracking().Where(f => f.SellerEntityId == id)
            .Select(f => new TaxFormFile(f.FileName, f.Content)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BankAccountDto>> ListBankAccountsAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken)
    {
        await RequireVisibleAsync(id, sellerId, cancellationToken);
        var accounts = await db.Set<SellerBankAccount>().AsNoTracking().Where(a => a.SellerEntityId == id)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return accounts.Select(a => a.ToDto()).ToList();
    }

    public async Task<IReadOnlyList<PayoutCurrencyDto>> ListPayoutCurrenciesAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken)
    {
        await RequireVisibleAsync(id, sellerId, cancellationToken);
        var rows = await db.Set<PayoutCurrency>().AsNoTracking().Where(p => p.SellerEntityId == id)
            .Join(db.Set<SellerBankAccount>(), p => p.BankAccountId, a => a.Id, (p, a) => new { p.CurrencyCode, p.BankAccountId, a.Last4, p.EnabledAt })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.CurrencyCode, StringComparer.Ordinal)
            .Select(r => new PayoutCurrencyDto(r.CurrencyCode, r.BankAccountId, r.Last4, r.EnabledAt)).ToList();
    }

    private async Task RequireVisibleAsync(SellerEntityId id, OrganisationId? sellerId, CancellationToken cancellationToken)
    {
        var query = db.Set<SellerEntity>().Where(e => e.Id == id);
        if (sellerId is { } seller)
        {
            query = query.Where(e => e.SellerId == seller);
        }

        if (!await query.AnyAsync(cancellationToken))
        {
            throw new DomainException("seller-entity-not-found", $"Seller entity {id} does not exist.", DomainErrorKind.NotFound);
        }
    }

    private async Task<IReadOnlyList<SellerEntityDto>> WithTaxFormsAsync(IReadOnlyList<SellerEntity> entities, CancellationToken cancellationToken)
    {
        var ids = entities.Select(e => e.Id).ToList();
        var forms = await db.Set<SellerTaxForm>().AsNoTracking().Where(f => ids.Contains(f.SellerEntityId))
            .Select(f => new { f.SellerEntityId, Info = new TaxFormInfo(f.Kind, f.FileName, f.SizeBytes, f.Sha256, f.UploadedAt) })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return entities.Select(e => e.ToDto(now, forms.SingleOrDefault(f => f.SellerEntityId == e.Id)?.Info)).ToList();
    }
}
