using Microsoft.Extensions.Options;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// The listing fee rate of each line of a document: the public-offer rate, or, for a line of an agreement accepted from a
/// private offer, the private-offer rate of the offer's tier. The tier is decided by the offer's total contract value in
/// USD, converted at the rate of the day it was accepted (the operator's override, else the ECB rate), so an offer keeps
/// one rate for its whole term whatever the currency does later; an offer that renews a private offer pays the renewal rate.
/// </summary>
internal sealed class ListingFees(IPrivateOffersQueries offers, ICurrencyConverter converter, IOptions<ListingFeeOptions> options)
{
    private static readonly Currency Usd = Currency.FromCode("USD");

    public async Task<Func<InvoiceSettlementLine, decimal>> RatesForAsync(InvoiceSettlementDto document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fees = options.Value;
        var publicRate = fees.PublicOfferRate;
        var agreements = document.Lines.Where(l => l.AgreementId is not null).Select(l => l.AgreementId!.Value).Distinct().ToList();
        if (agreements.Count == 0)
        {
            return _ => publicRate;
        }

        var rates = new Dictionary<AgreementId, decimal>();
        foreach (var basis in await offers.ListFeeBasesAsync(agreements, cancellationToken))
        {
            var usd = await ContractValueUsdAsync(basis, cancellationToken);
            rates[basis.AgreementId] = fees.PrivateOfferRate(usd, basis.Renewal);
        }

        return line => line.AgreementId is { } id && rates.TryGetValue(id, out var rate) ? rate : publicRate;
    }

    private async Task<decimal> ContractValueUsdAsync(OfferFeeBasis basis, CancellationToken cancellationToken)
    {
        if (basis.ContractValue.Currency == Usd)
        {
            return basis.ContractValue.Amount;
        }

        var day = DateOnly.FromDateTime(basis.AcceptedAt.UtcDateTime);
        var converted = await converter.ConvertWithoutSavingAsync(basis.ContractValue, Usd, day, MidpointRounding.ToEven, "listing-fee-tier", cancellationToken);
        return converted.To.Amount;
    }
}
