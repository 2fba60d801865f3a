using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Collections;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.Collections;

public sealed class SandboxGatewayTests
{
    private readonly SandboxGateway _gateway = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)));

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("4242424242424242", PaymentStatus.Succeeded, null)]
    [InlineData("4000000000000002", PaymentStatus.Declined, "generic_decline")]
    [InlineData("4000000000009995", PaymentStatus.InsufficientFunds, "insufficient_funds")]
    [InlineData("4000002500003155", PaymentStatus.RequiresAction, "authentication_required")]
    [InlineData("5555555555554444", PaymentStatus.Succeeded, null)]
    public async Task Each_test_card_charges_as_stripe_test_mode_does(string number, PaymentStatus status, string? declineCode)
    {
        var card = await _gateway.SaveCardAsync(new CardToSave("buyer", number, 12, 2030, "123", null, "key"), _ct);

        var charge = await _gateway.ChargeAsync(new GatewayCardRef(card.Token, card.CustomerReference), Money.Parse("12.34", Currency.EUR), "Invoice 1", "payment-1", false, _ct);

        Assert.Equal(status, charge.Status);
        Assert.Equal(declineCode, charge.DeclineCode);
        Assert.Equal(number[^4..], card.Last4);
        Assert.DoesNotContain(number, card.Token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_charge_reference()
    {
        var card = await _gateway.SaveCardAsync(new CardToSave("buyer", "4242 4242 4242 4242", 1, 2027, null, null, "key"), _ct);
        var reference = new GatewayCardRef(card.Token, null);

        var first = await _gateway.ChargeAsync(reference, Money.Parse("5.00", Currency.USD), "x", "payment-7", false, _ct);
        var again = await _gateway.ChargeAsync(reference, Money.Parse("5.00", Currency.USD), "x", "payment-7", false, _ct);
        var other = await _gateway.ChargeAsync(reference, Money.Parse("5.00", Currency.USD), "x", "payment-8", false, _ct);

        Assert.Equal(first.Reference, again.Reference);
        Assert.NotEqual(first.Reference, other.Reference);
        Assert.Equal("visa", card.Brand);
    }

    [Theory]
    [InlineData("4242424242424241")]
    [InlineData("1234")]
    [InlineData("42424242424242a2")]
    public async Task A_number_that_is_not_a_card_number_is_refused(string number)
    {
        await Assert.ThrowsAsync<ValidationFailedException>(() => _gateway.SaveCardAsync(new CardToSave("buyer", number, 12, 2030, null, null, "key"), _ct));
    }

    [Fact]
    public async Task A_card_that_expired_last_month_is_refused_and_one_expiring_this_month_is_not()
    {
        var expired = await Assert.ThrowsAsync<DomainException>(() => _gateway.SaveCardAsync(new CardToSave("buyer", "4242424242424242", 10, 2026, null, null, "key"), _ct));
        Assert.Equal("card-expired", expired.Code);

        var current = await _gateway.SaveCardAsync(new CardToSave("buyer", "4242424242424242", 11, 2026, null, null, "key"), _ct);
        Assert.Equal(11, current.ExpMonth);
    }
}
