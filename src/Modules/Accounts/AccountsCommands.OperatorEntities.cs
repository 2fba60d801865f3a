using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.Addresses;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Accounts.OperatorEntities;
using Tradewind.Accounts.Routing;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Primitives.Peppol;
using Tradewind.Primitives.TaxIds;

namespace Tradewind.Accounts;

/// <summary>The operator's legal entities and the issuing-entity routing table.</summary>
internal sealed partial class AccountsCommands
{
    public async Task<OperatorEntityDto> CreateOperatorEntityAsync(NewOperatorEntity entity, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var code = entity.Code?.Trim().ToUpperInvariant() ?? "";
        var validation = new Validation()
            .Require(code.Length is >= 2 and <= 10 && code.All(char.IsAsciiLetterOrDigit), "code", "Give a code of 2 to 10 letters or digits, e.g. EU.");
        var now = clock.GetUtcNow();
        var row = new OperatorEntity
        {
            Id = OperatorEntityId.New(clock),
            Code = code,
            LegalName = "",
            CountryCode = "",
            Address = null!,
            CurrencyCode = "",
            InvoicePrefix = "",
            ServesRegion = "",
            CreatedAt = now,
        };
        Apply(row, entity, validation, replaceAccounts: true);
        validation.ThrowIfInvalid();
        if (await db.Set<OperatorEntity>().AnyAsync(e => e.Code == code, cancellationToken))
        {
            throw new DomainException("operator-entity-code-taken", $"An operator entity with code {code} already exists.", DomainErrorKind.Conflict);
        }

        row.UpdatedAt = now;
        db.Add(row);
        audit.Record(actor, null, "operator-entity.created", $"operator-entity:{row.Code}", $"{row.LegalName} ({row.CountryCode}, {row.CurrencyCode})");
        await db.SaveChangesAsync(cancellationToken);
        return row.ToDto();
    }

    public async Task<OperatorEntityDto> UpdateOperatorEntityAsync(string code, NewOperatorEntity entity, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var key = code?.Trim().ToUpperInvariant() ?? "";
        var row = await db.Set<OperatorEntity>().SingleOrDefaultAsync(e => e.Code == key, cancellationToken)
            ?? throw new DomainException("operator-entity-not-found", $"There is no operator entity with code {key}.", DomainErrorKind.NotFound);
        var validation = new Validation()
            .Require(
                string.IsNullOrWhiteSpace(entity.Code) || string.Equals(entity.Code.Trim(), key, StringComparison.OrdinalIgnoreCase),
                "code",
                "An entity's code never changes; create a new entity instead.");
        Apply(row, entity, validation, replaceAccounts: entity.CollectionAccounts is not null);
        validation.ThrowIfInvalid();
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, null, "operator-entity.updated", $"operator-entity:{row.Code}", $"{row.LegalName} ({row.CountryCode}, {row.CurrencyCode})");
        await db.SaveChangesAsync(cancellationToken);
        return row.ToDto();
    }

    public async Task<IReadOnlyList<RoutingRuleDto>> ReplaceRoutingRulesAsync(IReadOnlyList<RoutingRuleInput> rules, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var validation = new Validation().Require(rules.Count is >= 1 and <= 200, "rules", "Give between 1 and 200 rules.");
        var rows = new List<RoutingRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var field = $"rules[{i.ToString(CultureInfo.InvariantCulture)}]";
            var rule = rules[i];
            if (rule is null)
            {
                validation.Add(field, "A rule cannot be empty.");
                continue;
            }

            var buyers = (rule.BuyerCountries ?? []).Select(c => c?.Trim().ToUpperInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList();
            var except = (rule.ExceptBuyerCountries ?? []).Select(c => c?.Trim().ToUpperInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList();
            validation
                .Require(buyers.Count > 0, $"{field}.buyerCountries", "Name at least one buyer country, or the group EMEA or *.")
                .Require(rule.Priority is >= 0 and <= 1_000_000, $"{field}.priority", "The priority is a number from 0 to 1000000; lower is tried first.")
                .Require(Enum.IsDefined(rule.SellerCondition), $"{field}.sellerCondition", "The seller condition is any, emeaEligible or sellerCountry.");
            foreach (var buyer in buyers.Where(b => b is not RoutingRule.AllCountries and not RoutingRule.EmeaGroup && !Country.TryFromCode(b, out _)))
            {
                validation.Add($"{field}.buyerCountries", $"'{buyer}' is neither an ISO 3166-1 alpha-2 country code nor a group (EMEA, *).");
            }

            foreach (var excluded in except.Where(e => !Country.TryFromCode(e, out _)))
            {
                validation.Add($"{field}.exceptBuyerCountries", $"'{excluded}' is not an ISO 3166-1 alpha-2 country code.");
            }

            var sellerCountry = rule.SellerCountry?.Trim().ToUpperInvariant();
            if (rule.SellerCondition == SellerCondition.SellerCountry)
            {
                validation.Require(Country.TryFromCode(sellerCountry, out _), $"{field}.sellerCountry", "Give the seller's ISO 3166-1 alpha-2 country code for this condition.");
            }
            else
            {
                sellerCountry = null;
            }

            var entityCode = rule.EntityCode?.Trim().ToUpperInvariant() ?? "";
            validation.Require(entityCode.Length is >= 2 and <= 10, $"{field}.entityCode", "Name the operator entity by its code, e.g. EU.");
            rows.Add(new RoutingRule
            {
                Id = RoutingRuleId.New(clock),
                Priority = rule.Priority,
                BuyerCountries = buyers,
                ExceptBuyerCountries = except,
                SellerCondition = rule.SellerCondition,
                SellerCountry = sellerCountry,
                EntityCode = entityCode,
                CreatedAt = clock.GetUtcNow(),
            });
        }

        var known = (await db.Set<OperatorEntity>().Select(e => e.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            validation.Require(
                known.Contains(rows[i].EntityCode) || rows[i].EntityCode.Length is < 2 or > 10,
                $"rules[{i.ToString(CultureInfo.InvariantCulture)}].entityCode",
                $"There is no operator entity with code {rows[i].EntityCode}.");
        }

        validation.ThrowIfInvalid();
        return await db.InTransactionAsync(
            async ct =>
            {
                await db.Set<RoutingRule>().ExecuteDeleteAsync(ct);
                db.AddRange(rows);
                audit.Record(actor, null, "routing-rules.replaced", "routing-rules", $"{rows.Count.ToString(CultureInfo.InvariantCulture)} rules");
                await db.SaveChangesAsync(ct);
                return (IReadOnlyList<RoutingRuleDto>)rows.OrderBy(r => r.Priority).ThenBy(r => r.Id.Value).Select(r => r.ToDto()).ToList();
            },
            cancellationToken);
    }

    private void Apply(OperatorEntity row, NewOperatorEntity entity, Validation validation, bool replaceAccounts)
    {
        var legalName = entity.LegalName?.Trim() ?? "";
        var servesRegion = entity.ServesRegion?.Trim() ?? "";
        validation
            .Require(legalName.Length is >= 1 and <= 200, "legalName", "Give the legal name (up to 200 characters).")
            .Require(servesRegion.Length is >= 1 and <= 200, "servesRegion", "Say which buyers this entity serves (up to 200 characters).");
        var countryOk = Country.TryFromCode(entity.CountryCode?.Trim().ToUpperInvariant(), out var country);
        validation.Require(countryOk, "countryCode", "Give an ISO 3166-1 alpha-2 country code, e.g. LU.");
        var address = Address.From(entity.Address, validation);
        var currencyOk = Currency.TryFromCode(entity.CurrencyCode?.Trim().ToUpperInvariant(), out var currency);
        validation.Require(currencyOk, "currencyCode", "Give an ISO 4217 currency code, e.g. EUR.");

        var accepted = new List<string>();
        foreach (var code in entity.AcceptedCurrencies ?? [])
        {
            if (Currency.TryFromCode(code?.Trim().ToUpperInvariant(), out var c))
            {
                accepted.Add(c.Code);
            }
            else
            {
                validation.Add("acceptedCurrencies", $"'{code}' is not an ISO 4217 currency code.");
            }
        }

        if (currency is not null && !accepted.Contains(currency.Code, StringComparer.Ordinal))
        {
            accepted.Insert(0, currency.Code);
        }

        var registrations = new List<OperatorTaxRegistration>();
        var registrationInputs = entity.TaxRegistrations ?? [];
        for (var i = 0; i < registrationInputs.Count; i++)
        {
            var field = $"taxRegistrations[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (CheckTaxRegistration(registrationInputs[i], field, validation) is { } registration)
            {
                if (registrations.Any(r => r.CountryCode == registration.CountryCode && r.SubdivisionCode == registration.SubdivisionCode))
                {
                    validation.Add(field, "There is already a registration for this jurisdiction; give one per jurisdiction.");
                }
                else
                {
                    registrations.Add(registration);
                }
            }
        }

        var prefix = entity.InvoiceSeries?.Prefix?.Trim().ToUpperInvariant() ?? "";
        validation
            .Require(
                prefix.Length is >= 1 and <= 20 && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/'),
                "invoiceSeries.prefix",
                "Give an invoice number prefix of 1 to 20 letters, digits, '-' or '/', e.g. EU-.")
            .Require(entity.InvoiceSeries?.NextNumber >= 1, "invoiceSeries.nextNumber", "The next invoice number is 1 or more.");

        string? peppolParticipantId = null;
        if (!string.IsNullOrWhiteSpace(entity.PeppolParticipantId))
        {
            if (PeppolParticipantId.TryParse(entity.PeppolParticipantId, out var participant, out var participantReason))
            {
                peppolParticipantId = participant.Value.ToString();
            }
            else
            {
                validation.Add("peppolParticipantId", participantReason);
            }
        }

        string? sepaCreditorId = null;
        if (!string.IsNullOrWhiteSpace(entity.SepaCreditorId))
        {
            var creditor = Primitives.Banking.SepaCreditorId.Validate(entity.SepaCreditorId);
            if (creditor.Valid)
            {
                sepaCreditorId = creditor.Normalized;
            }
            else
            {
                validation.Add("sepaCreditorId", creditor.Reason!);
            }
        }

        var accounts = new List<CollectionAccount>();
        var accountInputs = replaceAccounts ? entity.CollectionAccounts ?? [] : [];
        for (var i = 0; i < accountInputs.Count; i++)
        {
            var field = $"collectionAccounts[{i.ToString(CultureInfo.InvariantCulture)}]";
            var input = accountInputs[i];
            if (input is null)
            {
                validation.Add(field, "An account cannot be empty.");
                continue;
            }

            var check = CheckBankDetails(input.CountryCode, input.CurrencyCode, input.Iban, input.AccountNumber, input.Bic, input.RoutingCode, input.HolderName, legalName);
            if (check.Reason is { } reason)
            {
                validation.Add($"{field}.{check.Field}", reason);
                continue;
            }

            if (!accepted.Contains(check.Details!.CurrencyCode, StringComparer.Ordinal))
            {
                validation.Add($"{field}.currencyCode", $"The entity does not accept {check.Details.CurrencyCode}; add it to the accepted currencies first.");
                continue;
            }

            accounts.Add(new CollectionAccount
            {
                CountryCode = check.Details.CountryCode,
                CurrencyCode = check.Details.CurrencyCode,
                HolderName = input.HolderName.Trim(),
                Last4 = BankAccountProtector.Last4(check.Details.Normalized),
                Fingerprint = BankAccountProtector.Fingerprint(check.Details.Normalized),
                ProtectedDetails = protector.Protect(check.Details),
            });
        }

        if (!validation.IsValid)
        {
            return;
        }

        row.LegalName = legalName;
        row.CountryCode = country!.Code.ToString();
        row.Address = address!;
        row.CurrencyCode = currency!.Code;
        row.AcceptedCurrencies = accepted;
        row.TaxRegistrations = registrations;
        row.InvoicePrefix = prefix;
        row.InvoiceNextNumber = entity.InvoiceSeries!.NextNumber;
        row.ServesRegion = servesRegion;
        row.PeppolParticipantId = peppolParticipantId;
        row.SepaCreditorId = sepaCreditorId;
        if (replaceAccounts)
        {
            row.CollectionAccounts = accounts;
        }
    }

    private static OperatorTaxRegistration? CheckTaxRegistration(TaxRegistrationDto? input, string field, Validation validation)
    {
        if (input is null)
        {
            validation.Add(field, "A tax registration cannot be empty.");
            return null;
        }

        if (!Country.TryFromCode(input.CountryCode?.Trim().ToUpperInvariant(), out var country))
        {
            validation.Add($"{field}.countryCode", "Give the jurisdiction's ISO 3166-1 alpha-2 country code.");
            return null;
        }

        var subdivision = string.IsNullOrWhiteSpace(input.SubdivisionCode) ? null : input.SubdivisionCode.Trim().ToUpperInvariant();
        if (subdivision is not null && !country.Subdivisions.Any(s => string.Equals(s.Code.ToString(), subdivision, StringComparison.Ordinal)))
        {
            validation.Add($"{field}.subdivisionCode", $"'{subdivision}' is not a subdivision of {country.Code} that Tradewind knows, e.g. US-CA.");
            return null;
        }

        // State-level registrations (US sales tax permits, Canadian PST/QST) have their own numbers, not the national scheme.
        var number = subdivision is null ? CheckTaxId(country.Code, input.Number, $"{field}.number", validation) : Trimmed(input.Number, $"{field}.number", validation);
        return number is null ? null : new OperatorTaxRegistration { CountryCode = country.Code.ToString(), SubdivisionCode = subdivision, Number = number };
    }

    /// <summary>
    /// The canonical tax id when the country has a scheme (refused with <see cref="TaxId"/>'s reason when it does not
    /// match); the trimmed input when Tradewind knows no scheme for the country (Bahrain, Hong Kong, Qatar, …).
    /// </summary>
    private static string? CheckTaxId(CountryCode country, string? input, string field, Validation validation)
    {
        var result = TaxId.Validate(country, input);
        if (result.IsValid)
        {
            return result.TaxId.Value;
        }

        if (result.Code == TaxIdValidationCodes.UnknownCountryScheme)
        {
            return Trimmed(input, field, validation);
        }

        validation.Add(field, result.Reason!);
        return null;
    }

    private static string? Trimmed(string? input, string field, Validation validation)
    {
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length is < 1 or > 50)
        {
            validation.Add(field, "Give the registration number (up to 50 characters).");
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// Checks bank details with <c>BankAccountValidator</c> and the holder name against the legal name. On refusal,
    /// <see cref="BankCheck.Reason"/> says why, <see cref="BankCheck.Field"/> which field and <see cref="BankCheck.Code"/>
    /// the stable code.
    /// </summary>
    private static BankCheck CheckBankDetails(
        string? countryCode, string? currencyCode, string? iban, string? accountNumber, string? bic, string? routingCode, string? holderName, string legalName)
    {
        if (!Country.TryFromCode(countryCode?.Trim().ToUpperInvariant(), out var country))
        {
            return BankCheck.Refuse("countryCode", "validation-failed", "Give the ISO 3166-1 alpha-2 code of the country where the account is held.");
        }

        if (!Currency.TryFromCode(currencyCode?.Trim().ToUpperInvariant(), out var currency))
        {
            return BankCheck.Refuse("currencyCode", "validation-failed", "Give the ISO 4217 code of the account's currency, e.g. EUR.");
        }

        var holder = holderName?.Trim() ?? "";
        if (holder.Length is < 1 or > 200)
        {
            return BankCheck.Refuse("holderName", "validation-failed", "Give the account holder's name as the bank has it (up to 200 characters).");
        }

        var check = Primitives.Banking.BankAccountValidator.Validate(country.Code, currency, iban, accountNumber, bic, routingCode);
        if (!check.Valid)
        {
            return BankCheck.Refuse(string.IsNullOrWhiteSpace(iban) ? "accountNumber" : "iban", "bank-details-invalid", check.Reason!);
        }

        if (!Primitives.Banking.HolderNameMatcher.Matches(holder, legalName))
        {
            return BankCheck.Refuse(
                "holderName",
                "holder-name-mismatch",
                $"The account holder “{holder}” is not the legal name “{legalName}”: payouts go only to an account of the entity itself.");
        }

        return new BankCheck(
            new BankDetails(
                country.Code.ToString(), currency.Code, Blank(iban), Blank(accountNumber), Blank(bic), Blank(routingCode), check.Normalized),
            null,
            null,
            null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record BankCheck(BankDetails? Details, string? Field, string? Code, string? Reason)
    {
        public static BankCheck Refuse(string field, string code, string reason) => new(null, field, code, reason);
    }
}
