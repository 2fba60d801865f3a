using System.Text.Json;
using Tradewind.Contracts;
using Tradewind.Primitives.Money;
using Tradewind.Web.Api;

namespace Tradewind.Web.Tests;

public sealed class MoneyDtoTests
{
    [Fact]
    public void Money_is_written_as_a_decimal_string_with_the_currency_s_digits()
    {
        var json = JsonSerializer.Serialize(MoneyDto.From(Money.FromMinor(123450, Currency.EUR)), JsonSerializerOptions.Web);

        Assert.Equal("""{"amount":"1234.50","currency":"EUR"}""", json);
        Assert.Equal("""{"amount":"1235","currency":"JPY"}""", JsonSerializer.Serialize(MoneyDto.From(Money.FromMinor(1235, Currency.JPY)), JsonSerializerOptions.Web));
    }

    [Fact]
    public void A_wire_amount_reads_back_exactly()
    {
        Assert.Equal(Money.FromMinor(1_000, Currency.BHD), new MoneyDto("1.000", "BHD").ToMoney("price"));
    }

    [Theory]
    [InlineData("12.345", "EUR", "price.amount")]
    [InlineData("12.5", "JPY", "price.amount")]
    [InlineData("1e3", "USD", "price.amount")]
    [InlineData("12.00", "XXX", "price.currency")]
    [InlineData("12.00", "eur", "price.currency")]
    public void A_wrong_wire_amount_names_its_field(string amount, string currency, string field)
    {
        var error = Assert.Throws<ValidationFailedException>(() => new MoneyDto(amount, currency).ToMoney("price"));

        Assert.True(error.Errors.ContainsKey(field), string.Join(", ", error.Errors.Keys));
    }
}
