using Tradewind.Contracts;
using Tradewind.Primitives.Money;

namespace Tradewind.Web.Api;

/// <summary>
/// Money on the wire: a decimal string in major units with exactly the currency's minor digits, and the ISO 4217
/// code — <c>{"amount": "1234.50", "currency": "EUR"}</c>. Never a JSON number, which clients parse as binary floating point.
/// </summary>
public sealed record MoneyDto(string Amount, string Currency)
{
    public static MoneyDto From(Money money) => new(money.ToMajorString(), money.Currency.Code);

    /// <summary>Reads a client's amount; <paramref name="field"/> names it in the validation problem when it is wrong.</summary>
    public Money ToMoney(string field)
    {
        if (!Primitives.Money.Currency.TryFromCode(Currency, out var currency))
        {
            throw new ValidationFailedException($"{field}.currency", $"'{Currency}' is not an ISO 4217 currency code.");
        }

        return Money.TryParse(Amount, currency, out var money)
            ? money
            : throw new ValidationFailedException(
                $"{field}.amount",
                $"Give the amount as a decimal string with at most {currency.MinorUnits} decimals, e.g. \"{Money.FromMinor(123450, currency).ToMajorString()}\".");
    }
}
