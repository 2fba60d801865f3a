using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Money;

namespace Tradewind.Primitives.Banking.Tests;

public sealed class BankAccountValidatorTests
{
    private static readonly Currency Mxn = Currency.FromCode("MXN");
    private static readonly Currency Nzd = Currency.FromCode("NZD");

    private static BankDetailsCheck Check(string country, Currency currency, string? iban = null, string? account = null, string? bic = null, string? routing = null) =>
        BankAccountValidator.Validate(CountryCode.Parse(country), currency, iban, account, bic, routing);

    [Fact]
    public void A_German_IBAN_in_print_format_is_enough_to_pay_a_German_seller()
    {
        var check = Check("DE", Currency.EUR, iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX");

        Assert.True(check.Valid, check.Reason);
        Assert.Equal("iban:DE89370400440532013000", check.Normalized);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("INR")]
    [InlineData("JPY")]
    public void An_IBAN_account_receives_any_currency_the_operator_pays_in(string currency)
    {
        Assert.True(Check("DE", Currency.FromCode(currency), iban: "DE89370400440532013000").Valid);
    }

    [Fact]
    public void A_seller_in_an_IBAN_country_must_give_an_IBAN()
    {
        var check = Check("FR", Currency.EUR, account: "0500013M026", routing: "20041");

        Assert.False(check.Valid);
        Assert.Equal("A bank account in France is identified by its IBAN; none was given.", check.Reason);
    }

    [Fact]
    public void An_IBAN_from_another_country_is_refused()
    {
        var check = Check("DE", Currency.EUR, iban: "FR1420041010050500013M02606");

        Assert.Equal("This IBAN is from France (FR), but the payout country is DE, whose IBANs start with DE.", check.Reason);
    }

    [Theory]
    [InlineData("JE", "GB29NWBK60161331926819")]
    [InlineData("RE", "FR1420041010050500013M02606")]
    [InlineData("AX", "FI2112345600000785")]
    public void A_territory_is_paid_to_the_IBAN_of_the_country_whose_prefix_it_uses(string territory, string iban)
    {
        Assert.True(Check(territory, Currency.EUR, iban: iban).Valid);
    }

    [Fact]
    public void An_invalid_IBAN_is_refused_with_the_IBAN_reason()
    {
        var check = Check("DE", Currency.EUR, iban: "DE8937040044053201300");

        Assert.Equal("An IBAN from Germany has 22 characters; this one has 21.", check.Reason);
    }

    [Fact]
    public void A_Swiss_QR_IBAN_is_refused_because_it_takes_only_QR_bill_payments()
    {
        var check = Check("CH", Currency.CHF, iban: "CH4431999123000889012");

        Assert.False(check.Valid);
        Assert.StartsWith("This is a QR-IBAN", check.Reason, StringComparison.Ordinal);
        Assert.True(Check("CH", Currency.CHF, iban: "CH9300762011623852957").Valid);
    }

    [Theory]
    [InlineData("CN")]
    [InlineData("SG")]
    [InlineData("KR")]
    [InlineData("ZA")]
    public void A_country_without_a_supported_scheme_is_refused(string country)
    {
        Assert.Equal($"Tradewind cannot pay out to bank accounts in {country} yet.", Check(country, Currency.USD, iban: "DE89370400440532013000").Reason);
    }

    [Fact]
    public void A_country_whose_IBANs_are_outside_the_SWIFT_registry_is_refused_although_its_IBAN_is_well_formed()
    {
        Assert.True(Iban.Validate("SN08SN0100152000048500003035").Valid);
        Assert.Equal("Tradewind cannot pay out to bank accounts in SN yet.", Check("SN", Currency.EUR, iban: "SN08SN0100152000048500003035").Reason);
    }

    [Fact]
    public void A_US_account_needs_an_ABA_routing_number_and_an_account_number_and_receives_USD()
    {
        var check = Check("US", Currency.USD, account: "123456789", routing: "021000021");

        Assert.True(check.Valid, check.Reason);
        Assert.Equal("aba:021000021:123456789", check.Normalized);
        Assert.Equal("A US ABA account receives USD.", Check("US", Currency.EUR, account: "123456789", routing: "021000021").Reason);
        Assert.Equal("A US ABA account needs its ABA routing number; none was given.", Check("US", Currency.USD, account: "123456789").Reason);
        Assert.Equal("A US ABA account needs its account number (4 to 17 digits); none was given.", Check("US", Currency.USD, routing: "021000021").Reason);
        Assert.Equal("The check digit of this US ABA routing number does not match (weights 3, 7, 1, mod 10).", Check("US", Currency.USD, account: "123456789", routing: "021000022").Reason);
    }

    [Fact]
    public void A_US_seller_who_gives_an_IBAN_is_told_US_accounts_have_none()
    {
        Assert.Equal(
            "US bank accounts have no IBAN; give the ABA routing number and the account number instead.",
            Check("US", Currency.USD, iban: "DE89370400440532013000").Reason);
    }

    [Fact]
    public void An_Australian_BSB_account_receives_only_AUD()
    {
        Assert.True(Check("AU", Currency.AUD, account: "12345678", routing: "062-000").Valid);
        Assert.Equal("An Australian BSB account receives AUD.", Check("AU", Currency.USD, account: "12345678", routing: "062-000").Reason);
        Assert.Equal("The account number of an Australian BSB account has 5 to 9 digits; this one is '1234'.", Check("AU", Currency.AUD, account: "1234", routing: "062-000").Reason);
    }

    [Fact]
    public void A_UK_account_is_paid_by_sort_code_and_account_number_in_GBP_or_by_IBAN_in_any_currency()
    {
        Assert.Equal("gb-sort-code:601613:31926819", Check("GB", Currency.GBP, account: "31926819", routing: "60-16-13").Normalized);
        Assert.True(Check("GB", Currency.GBP, account: "31926819", routing: "60-16-13").Valid);
        Assert.Equal(
            "A UK sort-code account receives GBP. For another currency, give the account's IBAN.",
            Check("GB", Currency.EUR, account: "31926819", routing: "60-16-13").Reason);
        Assert.True(Check("GB", Currency.EUR, iban: "GB29NWBK60161331926819").Valid);
        Assert.Equal(
            "The account number of a UK sort-code account has 8 digits; this one is '3192681'.",
            Check("GB", Currency.GBP, account: "3192681", routing: "60-16-13").Reason);
    }

    [Fact]
    public void A_UK_sort_code_given_with_an_IBAN_must_be_the_one_inside_it()
    {
        Assert.True(Check("GB", Currency.GBP, iban: "GB29NWBK60161331926819", account: "31926819", routing: "601613").Valid);
        Assert.Equal(
            "The sort code and account number are not the ones inside the IBAN.",
            Check("GB", Currency.GBP, iban: "GB29NWBK60161331926819", account: "31926818", routing: "601613").Reason);
    }

    [Fact]
    public void A_Japanese_account_takes_bank_and_branch_as_the_routing_code_and_receives_JPY()
    {
        var check = Check("JP", Currency.JPY, account: "1234567", routing: "0001-001");

        Assert.Equal("zengin:0001001:1234567", check.Normalized);
        Assert.True(check.Valid);
        Assert.Equal("A Japanese Zengin account receives JPY.", Check("JP", Currency.USD, account: "1234567", routing: "0001-001").Reason);
    }

    [Fact]
    public void An_Indian_account_needs_an_IFSC_and_receives_INR()
    {
        Assert.True(Check("IN", Currency.INR, account: "50100012345678", routing: "HDFC0000001").Valid);
        Assert.Equal("An Indian IFSC account receives INR.", Check("IN", Currency.USD, account: "50100012345678", routing: "HDFC0000001").Reason);
    }

    [Fact]
    public void A_Canadian_account_needs_institution_and_transit_and_receives_CAD()
    {
        var check = Check("CA", Currency.CAD, account: "1234567", routing: "12345-003");

        Assert.True(check.Valid, check.Reason);
        Assert.Equal("ca-routing:000312345:1234567", check.Normalized);
        Assert.Equal("A Canadian account receives CAD.", Check("CA", Currency.USD, account: "1234567", routing: "12345-003").Reason);
    }

    [Fact]
    public void A_Mexican_account_is_its_CLABE_and_receives_MXN()
    {
        Assert.Equal("clabe:032180000118359719", Check("MX", Mxn, account: "032180000118359719").Normalized);
        Assert.True(Check("MX", Mxn, account: "032180000118359719").Valid);
        Assert.Equal("A Mexican CLABE account receives MXN.", Check("MX", Currency.USD, account: "032180000118359719").Reason);
        Assert.Equal("The check digit of this CLABE does not match (weights 3, 7, 1, mod 10).", Check("MX", Mxn, account: "032180000118359718").Reason);
    }

    [Fact]
    public void A_New_Zealand_account_is_its_number_and_receives_NZD()
    {
        Assert.True(Check("NZ", Nzd, account: "01-0242-0100194-00").Valid);
        Assert.Equal("A New Zealand bank account receives NZD.", Check("NZ", Currency.AUD, account: "01-0242-0100194-00").Reason);
    }

    [Fact]
    public void A_BIC_must_be_well_formed_live_and_in_the_accounts_country()
    {
        Assert.Equal("A BIC has 8 or 11 characters; this one has 10.", Check("DE", Currency.EUR, iban: "DE89370400440532013000", bic: "COBADEFFXX").Reason);
        Assert.Equal(
            "COBADEF0 is a SWIFT test BIC (its eighth character is 0) and cannot receive payments.",
            Check("DE", Currency.EUR, iban: "DE89370400440532013000", bic: "COBADEF0").Reason);
        Assert.Equal(
            "The BIC BNPAFRPP is for a bank in FR, but the account is in DE.",
            Check("DE", Currency.EUR, iban: "DE89370400440532013000", bic: "BNPAFRPP").Reason);
        Assert.True(Check("JE", Currency.GBP, iban: "GB29NWBK60161331926819", bic: "NWBKGB2L").Valid);
    }
}
