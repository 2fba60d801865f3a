using Microsoft.Extensions.Options;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Ledger;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.Ledger;

public sealed class ListingFeesTests
{
    private static readonly OrganisationId Buyer = OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-000000000001"));
    private static readonly OrganisationId Seller = OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-00000000000a"));
    private static readonly AgreementId SelfService = AgreementId.From(Guid.Parse("0192a000-0000-7000-8000-0000000000a1"));
    private static readonly AgreementId EuroOffer = AgreementId.From(Guid.Parse("0192a000-0000-7000-8000-0000000000a2"));
    private static readonly AgreementId YenOffer = AgreementId.From(Guid.Parse("0192a000-0000-7000-8000-0000000000a3"));
    private static readonly AgreementId Renewal = AgreementId.From(Guid.Parse("0192a000-0000-7000-8000-0000000000a4"));
    private static readonly AgreementId DollarOffer = AgreementId.From(Guid.Parse("0192a000-0000-7000-8000-0000000000a5"));
    private static readonly DateTimeOffset Accepted = new(2026, 10, 14, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_line_pays_the_rate_of_its_agreement_public_or_the_private_offers_tier_by_contract_value_in_dollars()
    {
        // EUR 10,500,000 at 1.08 USD = 11,340,000 USD: the 2 % tier. JPY 1,500,000,000 at 0.0066 = 9,900,000 USD: 3 %.
        // USD 110,000,000 exactly: the 1.5 % tier starts at its threshold. A renewal pays 1.5 % whatever its value.
        var fees = Fees(
            [
                Basis(EuroOffer, Money.Parse("10500000.00", Currency.FromCode("EUR")), renewal: false),
                Basis(YenOffer, Money.Parse("1500000000", Currency.FromCode("JPY")), renewal: false),
                Basis(Renewal, Money.Parse("50000.00", Currency.FromCode("USD")), renewal: true),
                Basis(DollarOffer, Money.Parse("110000000.00", Currency.FromCode("USD")), renewal: false),
            ],
            new() { ["EUR"] = 1.08m, ["JPY"] = 0.0066m },
            new ListingFeeOptions());
        var document = Document(Line(1, SelfService), Line(2, EuroOffer), Line(3, YenOffer), Line(4, Renewal), Line(5, DollarOffer), Line(6, null));

        var rate = await fees.RatesForAsync(document, TestContext.Current.CancellationToken);

        Assert.Equal([0.03m, 0.02m, 0.03m, 0.015m, 0.015m, 0.03m], document.Lines.Select(rate));
    }

    [Fact]
    public async Task The_operator_configures_the_percentages_and_thresholds()
    {
        var options = new ListingFeeOptions { PublicOfferPercent = 5m, PrivateOfferPercent = 2.5m, LargePrivateOfferPercent = 1.75m, LargeContractValueUsd = 100_000m };
        var fees = Fees(
            [Basis(EuroOffer, Money.Parse("90000.00", Currency.FromCode("EUR")), renewal: false), Basis(YenOffer, Money.Parse("16000000", Currency.FromCode("JPY")), renewal: false)],
            new() { ["EUR"] = 1.10m, ["JPY"] = 0.0066m },
            options);
        var document = Document(Line(1, SelfService), Line(2, EuroOffer), Line(3, YenOffer));

        var rate = await fees.RatesForAsync(document, TestContext.Current.CancellationToken);

        // 90,000 EUR = 99,000 USD: below the operator's 100,000 threshold; 16,000,000 JPY = 105,600 USD: above it.
        Assert.Equal([0.05m, 0.025m, 0.0175m], document.Lines.Select(rate));
    }

    [Fact]
    public async Task The_tier_converts_at_the_rate_of_the_acceptance_day()
    {
        var converter = new FixedRates(new() { ["EUR"] = 1.08m });
        var fees = new ListingFees(new Bases([Basis(EuroOffer, Money.Parse("1000.00", Currency.FromCode("EUR")), renewal: false)]), converter, Options.Create(new ListingFeeOptions()));

        await fees.RatesForAsync(Document(Line(1, EuroOffer)), TestContext.Current.CancellationToken);

        Assert.Equal([new DateOnly(2026, 10, 14)], converter.Days);
    }

    private static ListingFees Fees(IReadOnlyList<OfferFeeBasis> bases, Dictionary<string, decimal> usdPerUnit, ListingFeeOptions options) =>
        new(new Bases(bases), new FixedRates(usdPerUnit), Options.Create(options));

    private static OfferFeeBasis Basis(AgreementId agreement, Money value, bool renewal) =>
        new(agreement, PrivateOfferId.From(Guid.CreateVersion7()), value, Accepted, renewal);

    private static InvoiceSettlementLine Line(int number, AgreementId? agreement)
    {
        var usd = Currency.FromCode("USD");
        return new InvoiceSettlementLine(number, Seller, agreement, Money.Parse("100.00", usd), Money.Zero(usd), "US-WA", Money.Parse("100.00", usd));
    }

    private static InvoiceSettlementDto Document(params InvoiceSettlementLine[] lines)
    {
        var usd = Currency.FromCode("USD");
        var subtotal = Money.FromMinor(lines.Sum(l => l.Amount.MinorUnits), usd);
        return new InvoiceSettlementDto(
            InvoiceId.From(Guid.Parse("0192a000-0000-7000-8000-0000000000f1")), InvoiceKind.Invoice, "TWU-2026-000001", InvoiceStatus.Finalized, Buyer, "TWU", "USD", Accepted,
            null, false, subtotal, Money.Zero(usd), subtotal, lines);
    }

    private sealed class Bases(IReadOnlyList<OfferFeeBasis> bases) : IPrivateOffersQueries
    {
        public Task<IReadOnlyList<OfferFeeBasis>> ListFeeBasesAsync(IReadOnlyCollection<AgreementId> agreementIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OfferFeeBasis>>([.. bases.Where(b => agreementIds.Contains(b.AgreementId))]);

        public Task<Page<PrivateOfferDto>> ListAsync(PrivateOfferFilter filter, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PrivateOfferDto?> FindAsync(PrivateOfferId id, AgreementsCaller caller, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Page<OfferTemplateDto>> ListTemplatesAsync(AgreementsCaller seller, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<OfferTemplateDto?> FindTemplateAsync(OfferTemplateId id, AgreementsCaller seller, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PrivateOfferReport> ReportAsync(DateTimeOffset since, DateTimeOffset until, AgreementsCaller caller, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>One USD rate per currency, whatever the day; records the days asked.</summary>
    private sealed class FixedRates(Dictionary<string, decimal> usdPerUnit) : ICurrencyConverter
    {
        public List<DateOnly> Days { get; } = [];

        public Task<CurrencyConversionDto> ConvertAsync(Money amount, Currency target, DateOnly day, MidpointRounding rounding, string purpose, CancellationToken cancellationToken) =>
            ConvertWithoutSavingAsync(amount, target, day, rounding, purpose, cancellationToken);

        public Task<CurrencyConversionDto> ConvertWithoutSavingAsync(Money amount, Currency target, DateOnly day, MidpointRounding rounding, string purpose, CancellationToken cancellationToken)
        {
            Days.Add(day);
            var rate = usdPerUnit[amount.Currency.Code];
            var to = Money.FromMajor(amount.Amount * rate, target, rounding);
            return Task.FromResult(new CurrencyConversionDto(CurrencyConversionId.From(Guid.CreateVersion7()), amount, to, rate, "test", day, day, rounding, purpose, DateTimeOffset.UnixEpoch));
        }
    }
}
