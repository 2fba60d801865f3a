using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Accounts.SellerEntities;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Accounts;

/// <summary>Seller entities' payout accounts, their verification, and the payout currencies mapped to them.</summary>
internal sealed partial class AccountsCommands
{
    public async Task<BankAccountDto> AddBankAccountAsync(OrganisationId sellerId, SellerEntityId entityId, NewBankAccount account, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var entity = await FindOwnEntityAsync(sellerId, entityId, cancellationToken);
        var currencyCode = account.CurrencyCode?.Trim().ToUpperInvariant() ?? "";
        if (Currency.TryFromCode(currencyCode, out _) && !PayoutCurrency.Available.Contains(currencyCode, StringComparer.Ordinal))
        {
            throw new DomainException(
                "payout-currency-unsupported",
                $"Tradewind pays out in {string.Join(", ", PayoutCurrency.Available)}; an account in {currencyCode} cannot receive payouts.");
        }

        var accountCountry = account.CountryCode?.Trim().ToUpperInvariant() ?? "";
        if (accountCountry.Length == 2 && !EligibleJurisdictions.Contains(accountCountry) && Primitives.Geography.Country.TryFromCode(accountCountry, out var ineligible))
        {
            throw new DomainException(
                "jurisdiction-not-eligible",
                $"The payout account must be held in an eligible jurisdiction; {ineligible.Name} ({accountCountry}) is not one.");
        }

        var check = CheckBankDetails(account.CountryCode, account.CurrencyCode, account.Iban, account.AccountNumber, account.Bic, account.RoutingCode, account.HolderName, entity.LegalName);
        if (check.Reason is { } reason)
        {
            throw check.Code == "validation-failed" ? new ValidationFailedException(check.Field!, reason) : new DomainException(check.Code!, reason);
        }

        var details = check.Details!;
        var fingerprint = BankAccountProtector.Fingerprint(details.Normalized);
        if (await db.Set<SellerBankAccount>().AnyAsync(a => a.SellerEntityId == entityId && a.CurrencyCode == details.CurrencyCode && a.Fingerprint == fingerprint, cancellationToken))
        {
            throw new DomainException(
                "bank-account-duplicate",
                $"This {details.CurrencyCode} account ending {BankAccountProtector.Last4(details.Normalized)} is already registered for the entity.",
                DomainErrorKind.Conflict);
        }

        var currency = Currency.FromCode(details.CurrencyCode);
        var row = new SellerBankAccount
        {
            Id = BankAccountId.New(clock),
            SellerId = sellerId,
            SellerEntityId = entityId,
            CountryCode = details.CountryCode,
            CurrencyCode = details.CurrencyCode,
            HolderName = account.HolderName.Trim(),
            Last4 = BankAccountProtector.Last4(details.Normalized),
            Fingerprint = fingerprint,
            ProtectedDetails = protector.Protect(details),
            CreatedAt = clock.GetUtcNow(),
        };

        // Two different small amounts, 1 to 99 minor units each (yen for JPY), "sent" to the account for the seller to read back.
        var first = RandomNumberGenerator.GetInt32(1, 100);
        var second = first;
        while (second == first)
        {
            second = RandomNumberGenerator.GetInt32(1, 100);
        }

        row.StartVerification(protector.ProtectAmounts([first, second]));
        db.Add(row);
        audit.Record(
            actor,
            sellerId.Value,
            "bank-account.added",
            $"bank-account:{row.Id}",
            $"{currency.Code} account ending {row.Last4} in {row.CountryCode} for seller-entity:{entityId}; two verification deposits sent");
        await db.SaveChangesAsync(cancellationToken);
        return row.ToDto();
    }

    public async Task<BankAccountDto> ConfirmMicroDepositsAsync(
        OrganisationId sellerId, SellerEntityId entityId, BankAccountId accountId, IReadOnlyList<decimal> amounts, string actor, CancellationToken cancellationToken)
    {
        var account = await db.Set<SellerBankAccount>()
            .SingleOrDefaultAsync(a => a.Id == accountId && a.SellerEntityId == entityId && a.SellerId == sellerId, cancellationToken)
            ?? throw BankAccountNotFound(accountId);
        var currency = Currency.FromCode(account.CurrencyCode);
        var entered = new List<long>();
        foreach (var amount in amounts ?? [])
        {
            var minor = amount * Pow10(currency.MinorUnits);
            if (minor != decimal.Truncate(minor) || minor is <= 0 or > 10_000)
            {
                throw new ValidationFailedException("amounts", $"Give each amount as it appears on the statement, e.g. 0.32 for {currency.Code} 0.32.");
            }

            entered.Add((long)minor);
        }

        if (entered.Count != 2)
        {
            throw new ValidationFailedException("amounts", "Give the two amounts deposited into the account.");
        }

        var sent = account.ProtectedMicroDeposits is { } protectedAmounts ? protector.UnprotectAmounts(protectedAmounts) : [];
        var verified = account.Confirm(entered, sent, clock.GetUtcNow(), actor);
        audit.Record(
            actor,
            sellerId.Value,
            verified ? "bank-account.verified" : account.Status == BankAccountStatus.Locked ? "bank-account.locked" : "bank-account.verification-failed",
            $"bank-account:{account.Id}",
            verified ? "micro-deposits confirmed" : $"wrong amounts, attempt {account.FailedAttempts.ToString(CultureInfo.InvariantCulture)} of {SellerBankAccount.MaxAttempts.ToString(CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        if (!verified)
        {
            var left = SellerBankAccount.MaxAttempts - account.FailedAttempts;
            throw new DomainException(
                "micro-deposits-mismatch",
                left > 0
                    ? $"Those are not the amounts deposited. {left.ToString(CultureInfo.InvariantCulture)} attempt(s) left before the account is locked."
                    : "Those are not the amounts deposited. The account is now locked; ask the operator to verify it.");
        }

        return account.ToDto();
    }

    public async Task<BankAccountDto> VerifyBankAccountManuallyAsync(SellerEntityId entityId, BankAccountId accountId, string note, string actor, CancellationToken cancellationToken)
    {
        var trimmed = note?.Trim() ?? "";
        new Validation().Require(trimmed.Length is >= 3 and <= 1000, "note", "Say how the account was verified (3 to 1000 characters), e.g. 'bank letter dated 2026-11-20'.").ThrowIfInvalid();
        var account = await db.Set<SellerBankAccount>().SingleOrDefaultAsync(a => a.Id == accountId && a.SellerEntityId == entityId, cancellationToken)
            ?? throw BankAccountNotFound(accountId);
        account.VerifyManually(clock.GetUtcNow(), actor, trimmed);
        audit.Record(actor, account.SellerId.Value, "bank-account.verified-manually", $"bank-account:{account.Id}", trimmed);
        await db.SaveChangesAsync(cancellationToken);
        return account.ToDto();
    }

    public async Task<PayoutCurrencyDto> SetPayoutCurrencyAsync(
        OrganisationId sellerId, SellerEntityId entityId, string currency, BankAccountId accountId, string actor, CancellationToken cancellationToken)
    {
        var entity = await FindOwnEntityAsync(sellerId, entityId, cancellationToken);
        var code = currency?.Trim().ToUpperInvariant() ?? "";
        if (!PayoutCurrency.Available.Contains(code, StringComparer.Ordinal))
        {
            throw new ValidationFailedException("currency", $"Payout currencies are {string.Join(", ", PayoutCurrency.Available)}.");
        }

        // AWS Marketplace pays INR only to sellers in India (aws-marketplace.md §9).
        if (code == "INR" && entity.CountryCode != "IN")
        {
            throw new DomainException("payout-currency-unsupported", "INR payouts are only for entities established in India.");
        }

        var account = await db.Set<SellerBankAccount>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == accountId && a.SellerEntityId == entityId && a.SellerId == sellerId, cancellationToken)
            ?? throw BankAccountNotFound(accountId);
        if (account.CurrencyCode != code)
        {
            throw new DomainException("bank-account-currency-mismatch", $"The account ending {account.Last4} is a {account.CurrencyCode} account; choose a {code} account.");
        }

        if (account.Status != BankAccountStatus.Verified)
        {
            throw new DomainException("bank-account-not-verified", $"The account ending {account.Last4} is not verified yet; confirm its two deposits first.");
        }

        var row = await db.Set<PayoutCurrency>().SingleOrDefaultAsync(p => p.SellerEntityId == entityId && p.CurrencyCode == code, cancellationToken);
        if (row is null)
        {
            row = new PayoutCurrency { SellerEntityId = entityId, CurrencyCode = code, SellerId = sellerId };
            db.Add(row);
        }

        row.BankAccountId = accountId;
        row.EnabledAt = clock.GetUtcNow();
        audit.Record(actor, sellerId.Value, "payout-currency.set", $"seller-entity:{entityId}", $"{code} → account ending {account.Last4}");
        await db.SaveChangesAsync(cancellationToken);
        return new PayoutCurrencyDto(code, accountId, account.Last4, row.EnabledAt);
    }

    public async Task DisablePayoutCurrencyAsync(OrganisationId sellerId, SellerEntityId entityId, string currency, string actor, CancellationToken cancellationToken)
    {
        await FindOwnEntityAsync(sellerId, entityId, cancellationToken);
        var code = currency?.Trim().ToUpperInvariant() ?? "";
        var row = await db.Set<PayoutCurrency>().SingleOrDefaultAsync(p => p.SellerEntityId == entityId && p.CurrencyCode == code, cancellationToken)
            ?? throw new DomainException("payout-currency-not-found", $"{code} is not enabled for this entity.", DomainErrorKind.NotFound);
        db.Remove(row);
        audit.Record(actor, sellerId.Value, "payout-currency.disabled", $"seller-entity:{entityId}", code);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static DomainException BankAccountNotFound(BankAccountId id) =>
        new("bank-account-not-found", $"Bank account {id} does not exist.", DomainErrorKind.NotFound);
}
