using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Money;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// Decides whether a seller's bank details are enough to pay them: picks the account scheme from the
/// payout country, checks each identifier, and checks that the account can receive the payout currency.
/// </summary>
/// <remarks>
/// <para>Schemes, by country of the account:</para>
/// <list type="bullet">
/// <item>Countries of the SWIFT IBAN registry, and territories whose accounts carry such a country's
/// prefix (Jersey, Guernsey and the Isle of Man use GB; Åland uses FI; the French overseas territories use
/// FR): an <see cref="Iban"/> from that country. Swiss and Liechtenstein QR-IBANs are refused because
/// banks accept payments to them only with a QR reference. Any currency is allowed: whether the bank
/// converts is the bank's business, and SEPA, SWIFT and local rails all carry IBANs.</item>
/// <item>United Kingdom: the IBAN, or the <see cref="UkSortCode"/> and an 8-digit account number
/// (no Vocalink modulus check; see <see cref="UkSortCode"/>). Sort code and account receive GBP only;
/// given with an IBAN as well, they must be the IBAN's.</item>
/// <item>United States: <see cref="AbaRoutingNumber"/> and an account number of 4–17 digits (the NACHA
/// DFI account field holds 17); USD only.</item>
/// <item>Australia: <see cref="AustralianBsb"/> and 5–9 digits; AUD only.</item>
/// <item>Japan: <see cref="JapaneseBankBranch"/> ("0001-001") and a 7-digit account; JPY only.</item>
/// <item>India: <see cref="Ifsc"/> and 9–18 digits; INR only.</item>
/// <item>Canada: <see cref="CanadianRoutingNumber"/> and 7–12 digits; CAD only.</item>
/// <item>Mexico: a <see cref="Clabe"/> as the account number; MXN only.</item>
/// <item>New Zealand: an <see cref="NzBankAccount"/> as the account number; NZD only.</item>
/// </list>
/// <para>
/// Every other country is refused ("Tradewind cannot pay out to bank accounts in XX yet"), including
/// those whose banks issue IBANs outside the SWIFT registry (see <see cref="Iban.IsInSwiftRegistry"/>):
/// no payout rail we use vouches for those formats. A domestic account receives only its country's
/// currency, because domestic clearing (ACH, BECS, Zengin, NEFT, ACSS, SPEI, BACS) settles nothing else.
/// </para>
/// <para>
/// A BIC is optional; if given it must be valid, not a test BIC, and in the payout country or the
/// IBAN's country. The result's <see cref="BankDetailsCheck.Normalized"/> is a canonical key for the
/// account, for spotting the same account entered twice, not for display: <c>iban:DE89…</c>,
/// <c>gb-sort-code:601613:31926819</c>, <c>aba:011000015:123456789</c>, <c>bsb:062000:12345678</c>,
/// <c>zengin:0001001:1234567</c>, <c>ifsc:HDFC0000001:50100012345678</c>, <c>ca-routing:000312345:1234567</c>,
/// <c>clabe:032180000118359719</c>, <c>nz:0102420100194000</c>. The checks are of form and check digits
/// only; that the account exists and belongs to the seller is for the payout provider (and
/// <see cref="HolderNameMatcher"/>).
/// </para>
/// </remarks>
public static class BankAccountValidator
{
    public static BankDetailsCheck Validate(
        CountryCode country, Currency currency, string? iban, string? accountNumber, string? bic, string? routingCode)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var code = country.Value;
        var account = code switch
        {
            "GB" => UnitedKingdom(currency, iban, accountNumber, routingCode),
            "US" => Domestic(iban, "US bank accounts", "the ABA routing number and the account number")
                ?? Local(currency, Currency.USD, "A US ABA account", "aba", AbaRoutingNumber.Validate(routingCode), routingCode, "its ABA routing number", accountNumber, 4, 17),
            "AU" => Domestic(iban, "Australian bank accounts", "the BSB and the account number")
                ?? Local(currency, Currency.AUD, "An Australian BSB account", "bsb", AustralianBsb.Validate(routingCode), routingCode, "its BSB", accountNumber, 5, 9),
            "JP" => Domestic(iban, "Japanese bank accounts", "the bank and branch codes and the account number")
                ?? Local(currency, Currency.JPY, "A Japanese Zengin account", "zengin", JapaneseBankBranch.Validate(routingCode), routingCode, "its bank and branch codes (for example 0001-001)", accountNumber, 7, 7),
            "IN" => Domestic(iban, "Indian bank accounts", "the IFSC and the account number")
                ?? Local(currency, Currency.INR, "An Indian IFSC account", "ifsc", Ifsc.Validate(routingCode), routingCode, "its IFSC", accountNumber, 9, 18),
            "CA" => Domestic(iban, "Canadian bank accounts", "the institution and transit numbers and the account number")
                ?? Local(currency, Currency.CAD, "A Canadian account", "ca-routing", CanadianRoutingNumber.Validate(routingCode), routingCode, "its institution and transit numbers", accountNumber, 7, 12),
            "MX" => Domestic(iban, "Mexican bank accounts", "the 18-digit CLABE")
                ?? Whole(currency, Currency.FromCode("MXN"), "A Mexican CLABE account", "clabe", Clabe.Validate(accountNumber), accountNumber, "A Mexican bank account is identified by its 18-digit CLABE; none was given."),
            "NZ" => Domestic(iban, "New Zealand bank accounts", "the account number (bank-branch-account-suffix)")
                ?? Whole(currency, Currency.FromCode("NZD"), "A New Zealand bank account", "nz", NzBankAccount.Validate(accountNumber), accountNumber, "A New Zealand bank account is identified by its number (bank-branch-account-suffix); none was given."),
            _ when IbanRegistry.TryGetFormatForCountry(code, out var format) && format.InSwiftRegistry => ViaIban(country, format, iban),
            _ => BankDetailsCheck.Fail(string.Empty, $"Tradewind cannot pay out to bank accounts in {code} yet."),
        };

        return account.Valid && !string.IsNullOrWhiteSpace(bic) ? CheckBic(country, iban, bic, account) : account;
    }

    private static BankDetailsCheck UnitedKingdom(Currency currency, string? iban, string? accountNumber, string? sortCode)
    {
        var gb = CountryCode.Parse("GB");
        if (!string.IsNullOrWhiteSpace(iban))
        {
            IbanRegistry.TryGetFormat("GB", out var format);
            var viaIban = ViaIban(gb, format!, iban);
            if (!viaIban.Valid || (string.IsNullOrWhiteSpace(sortCode) && string.IsNullOrWhiteSpace(accountNumber)))
            {
                return viaIban;
            }

            // A GB BBAN is the bank's 4-letter code, the 6-digit sort code and the 8-digit account number.
            var bban = Iban.Parse(iban).Bban;
            var local = Local(Currency.GBP, Currency.GBP, "A UK sort-code account", "gb-sort-code", UkSortCode.Validate(sortCode), sortCode, "its sort code", accountNumber, 8, 8);
            return local.Valid && string.Equals(local.Normalized, $"gb-sort-code:{bban[4..10]}:{bban[10..]}", StringComparison.Ordinal)
                ? viaIban
                : BankDetailsCheck.Fail(viaIban.Normalized, "The sort code and account number are not the ones inside the IBAN.");
        }

        if (string.IsNullOrWhiteSpace(sortCode) && string.IsNullOrWhiteSpace(accountNumber))
        {
            return BankDetailsCheck.Fail(string.Empty, "A UK bank account needs either its IBAN or its sort code and account number.");
        }

        var result = Local(currency, Currency.GBP, "A UK sort-code account", "gb-sort-code", UkSortCode.Validate(sortCode), sortCode, "its sort code", accountNumber, 8, 8);
        return result.Valid || currency == Currency.GBP
            ? result
            : BankDetailsCheck.Fail(result.Normalized, result.Reason + " For another currency, give the account's IBAN.");
    }

    private static BankDetailsCheck ViaIban(CountryCode country, IbanCountryFormat format, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return BankDetailsCheck.Fail(string.Empty, $"A bank account in {format.Name} is identified by its IBAN; none was given.");
        }

        var check = Iban.Validate(text);
        if (!check.Valid)
        {
            return check;
        }

        var iban = Iban.Parse(check.Normalized);
        var key = "iban:" + iban;
        if (!string.Equals(iban.CountryPrefix, format.Prefix, StringComparison.Ordinal))
        {
            return BankDetailsCheck.Fail(key, $"This IBAN is from {iban.Format.Name} ({iban.CountryPrefix}), but the payout country is {country}, whose IBANs start with {format.Prefix}.");
        }

        return iban.IsSwissQrIban
            ? BankDetailsCheck.Fail(key, "This is a QR-IBAN, which receives only QR-bill payments with a QR reference; give the account's ordinary IBAN.")
            : BankDetailsCheck.Pass(key);
    }

    // A domestic scheme has no IBAN; one given is a sign the seller picked the wrong country or form.
    private static BankDetailsCheck? Domestic(string? iban, string accounts, string instead) =>
        string.IsNullOrWhiteSpace(iban)
            ? null
            : BankDetailsCheck.Fail(string.Empty, $"{accounts} have no IBAN; give {instead} instead.");

    private static BankDetailsCheck Local(
        Currency currency, Currency receives, string scheme, string keyPrefix, BankDetailsCheck routing, string? routingText,
        string routingName, string? accountText, int minDigits, int maxDigits)
    {
        if (string.IsNullOrWhiteSpace(routingText))
        {
            return BankDetailsCheck.Fail(string.Empty, $"{scheme} needs {routingName}; none was given.");
        }

        if (!routing.Valid)
        {
            return routing;
        }

        var account = accountText is null ? string.Empty : BankInput.Compact(accountText, removeDashes: true);
        var digits = minDigits == maxDigits
            ? $"{BankInput.Count(minDigits)} digits"
            : $"{BankInput.Count(minDigits)} to {BankInput.Count(maxDigits)} digits";
        if (account.Length == 0)
        {
            return BankDetailsCheck.Fail(string.Empty, $"{scheme} needs its account number ({digits}); none was given.");
        }

        var key = $"{keyPrefix}:{routing.Normalized}:{account}";
        if (!BankInput.AllDigits(account) || account.Length < minDigits || account.Length > maxDigits)
        {
            return BankDetailsCheck.Fail(key, $"The account number of {Lower(scheme)} has {digits}; this one is '{account}'.");
        }

        return currency == receives
            ? BankDetailsCheck.Pass(key)
            : BankDetailsCheck.Fail(key, $"{scheme} receives {receives.Code}.");
    }

    private static BankDetailsCheck Whole(
        Currency currency, Currency receives, string scheme, string keyPrefix, BankDetailsCheck check, string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return BankDetailsCheck.Fail(string.Empty, missing);
        }

        if (!check.Valid)
        {
            return check;
        }

        var key = $"{keyPrefix}:{check.Normalized}";
        return currency == receives
            ? BankDetailsCheck.Pass(key)
            : BankDetailsCheck.Fail(key, $"{scheme} receives {receives.Code}.");
    }

    private static BankDetailsCheck CheckBic(CountryCode country, string? ibanText, string bicText, BankDetailsCheck account)
    {
        var check = Bic.Validate(bicText);
        if (!check.Valid)
        {
            return BankDetailsCheck.Fail(account.Normalized, check.Reason!);
        }

        var bic = Bic.Parse(check.Normalized);
        if (bic.IsTestBic)
        {
            return BankDetailsCheck.Fail(account.Normalized, $"{bic} is a SWIFT test BIC (its eighth character is 0) and cannot receive payments.");
        }

        var ibanPrefix = Iban.TryParse(ibanText, out var iban) ? iban.CountryPrefix : null;
        return string.Equals(bic.CountryPrefix, country.Value, StringComparison.Ordinal)
            || string.Equals(bic.CountryPrefix, ibanPrefix, StringComparison.Ordinal)
            ? account
            : BankDetailsCheck.Fail(account.Normalized, $"The BIC {bic} is for a bank in {bic.CountryPrefix}, but the account is in {ibanPrefix ?? country.Value}.");
    }

    private static string Lower(string scheme) =>
        scheme.StartsWith("An ", StringComparison.Ordinal) ? "an " + scheme[3..]
        : scheme.StartsWith("A ", StringComparison.Ordinal) ? "a " + scheme[2..]
        : scheme;
}
