using System.Net;
using System.Text;
using Stripe;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Collections;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.Collections;

/// <summary>The Stripe adapter's mapping, with Stripe.net's own client talking to a fake HTTP handler (no network).</summary>
public sealed class StripeGatewayTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_succeeded_payment_intent_is_a_succeeded_charge_sent_in_minor_units_with_the_idempotency_key()
    {
        var stripe = new FakeStripe(HttpStatusCode.OK, """{"id":"pi_123","object":"payment_intent","status":"succeeded","amount":1234,"currency":"eur"}""");

        var charge = await Gateway(stripe).ChargeAsync(new GatewayCardRef("pm_card", "cus_1"), Money.Parse("12.34", Currency.EUR), "Invoice TWE-1", "payment-1", false, _ct);

        Assert.Equal(PaymentStatus.Succeeded, charge.Status);
        Assert.Equal("pi_123", charge.Reference);
        var request = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/payment_intents", request.Path);
        Assert.Equal("payment-1", request.IdempotencyKey);
        Assert.Contains("amount=1234", request.Body, StringComparison.Ordinal);
        Assert.Contains("currency=eur", request.Body, StringComparison.Ordinal);
        Assert.Contains("confirm=True", request.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("payment_method=pm_card", request.Body, StringComparison.Ordinal);
        Assert.Contains("customer=cus_1", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_decimal_currency_is_sent_in_whole_units()
    {
        var stripe = new FakeStripe(HttpStatusCode.OK, """{"id":"pi_jp","object":"payment_intent","status":"succeeded","amount":1235,"currency":"jpy"}""");

        await Gateway(stripe).ChargeAsync(new GatewayCardRef("pm_card", null), Money.Parse("1235", Currency.FromCode("JPY")), "x", "k", false, _ct);

        Assert.Contains("amount=1235&", stripe.Requests[0].Body + "&", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("card_declined", "insufficient_funds", PaymentStatus.InsufficientFunds)]
    [InlineData("card_declined", "generic_decline", PaymentStatus.Declined)]
    [InlineData("expired_card", null, PaymentStatus.Declined)]
    [InlineData("authentication_required", "authentication_required", PaymentStatus.RequiresAction)]
    public async Task A_card_error_is_an_outcome_not_an_exception(string code, string? declineCode, PaymentStatus expected)
    {
        var decline = declineCode is null ? "" : ",\"decline_code\":\"" + declineCode + "\"";
        var error = $$$"""{"type":"card_error","code":"{{{code}}}"{{{decline}}},"message":"The card was refused.","payment_intent":{"id":"pi_402","object":"payment_intent","status":"requires_payment_method"}""";
        var stripe = new FakeStripe(HttpStatusCode.PaymentRequired, "{\"error\":" + error + "}}");

        var charge = await Gateway(stripe).ChargeAsync(new GatewayCardRef("pm_card", null), Money.Parse("9.99", Currency.USD), "x", "k", true, _ct);

        Assert.Equal(expected, charge.Status);
        Assert.Equal(declineCode ?? code, charge.DeclineCode);
        Assert.Equal("pi_402", charge.Reference);
        Assert.Equal("The card was refused.", charge.Message);
    }

    [Fact]
    public async Task A_payment_intent_left_waiting_for_authentication_requires_action()
    {
        var stripe = new FakeStripe(HttpStatusCode.OK, """{"id":"pi_3ds","object":"payment_intent","status":"requires_action"}""");

        var charge = await Gateway(stripe).ChargeAsync(new GatewayCardRef("pm_card", null), Money.Parse("1.00", Currency.USD), "x", "k", false, _ct);

        Assert.Equal(PaymentStatus.RequiresAction, charge.Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "api_error", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "rate_limit_error", true)]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request_error", false)]
    [InlineData(HttpStatusCode.Unauthorized, "invalid_request_error", false)]
    public async Task A_failed_request_throws_and_says_whether_to_retry(HttpStatusCode status, string type, bool transient)
    {
        var stripe = new FakeStripe(status, $$$"""{"error":{"type":"{{{type}}}","message":"Something is wrong."}}""");

        var failure = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            Gateway(stripe).ChargeAsync(new GatewayCardRef("pm_card", null), Money.Parse("1.00", Currency.USD), "x", "k", false, _ct));

        Assert.Equal(transient, failure.IsTransient);
    }

    [Fact]
    public async Task A_refund_refunds_the_payment_intent_for_the_amount_with_its_own_key()
    {
        var stripe = new FakeStripe(HttpStatusCode.OK, """{"id":"re_9","object":"refund","status":"succeeded","amount":500,"currency":"gbp"}""");

        var refund = await Gateway(stripe).RefundAsync("pi_123", Money.Parse("5.00", Currency.GBP), "refund-1", _ct);

        Assert.True(refund.Succeeded);
        Assert.Equal("re_9", refund.Reference);
        Assert.Equal("/v1/refunds", stripe.Requests[0].Path);
        Assert.Equal("refund-1", stripe.Requests[0].IdempotencyKey);
        Assert.Contains("payment_intent=pi_123", stripe.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("amount=500", stripe.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_card_attaches_the_payment_method_to_a_new_customer_and_keeps_brand_last4_and_expiry()
    {
        var stripe = new FakeStripe(
            (HttpStatusCode.OK, """{"id":"cus_7","object":"customer"}"""),
            (HttpStatusCode.OK, """{"id":"pm_abc","object":"payment_method","customer":"cus_7","card":{"brand":"visa","last4":"4242","exp_month":8,"exp_year":2031}}"""));

        var card = await Gateway(stripe).SaveCardAsync(new CardToSave("buyer-1", null, 0, 0, null, "pm_abc", "method-1"), _ct);

        Assert.Equal(new GatewayCard("pm_abc", "cus_7", "visa", "4242", 8, 2031), card);
        Assert.Equal(["/v1/customers", "/v1/payment_methods/pm_abc/attach"], stripe.Requests.Select(r => r.Path).ToArray());
        Assert.Contains("customer=cus_7", stripe.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_card_number_instead_of_a_token_is_refused_without_calling_stripe()
    {
        var stripe = new FakeStripe(HttpStatusCode.OK, "{}");

        var refused = await Assert.ThrowsAsync<Contracts.DomainException>(() => Gateway(stripe).SaveCardAsync(new CardToSave("b", "4242424242424242", 12, 2030, "123", null, "k"), _ct));

        Assert.Equal("card-token-required", refused.Code);
        Assert.Empty(stripe.Requests);
    }

    private static StripeGateway Gateway(FakeStripe stripe) =>
        new(new StripeClient("sk_test_fake", httpClient: new SystemNetHttpClient(new HttpClient(stripe), 0)));

    private sealed record SentRequest(string Path, string? IdempotencyKey, string Body);

    /// <summary>Answers each request with the next canned response (the last one repeats) and records what was sent.</summary>
    private sealed class FakeStripe(params (HttpStatusCode Status, string Json)[] responses) : HttpMessageHandler
    {
        public FakeStripe(HttpStatusCode status, string json)
            : this((status, json))
        {
        }

        public List<SentRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : Uri.UnescapeDataString(await request.Content.ReadAsStringAsync(cancellationToken));
            Requests.Add(new SentRequest(request.RequestUri!.AbsolutePath, request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null, body));
            var (status, json) = responses[Math.Min(Requests.Count - 1, responses.Length - 1)];
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
