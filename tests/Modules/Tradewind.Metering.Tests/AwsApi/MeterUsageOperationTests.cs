using Tradewind.Contracts.Metering;
using Tradewind.Metering.AwsApi;
using static Tradewind.Metering.Tests.AwsApi.MeteringOperationHarness;

namespace Tradewind.Metering.Tests.AwsApi;

public sealed class MeterUsageOperationTests
{
    private readonly MeteringOperationHarness _harness = new();

    private MeterUsageOperation Operation => new(_harness.Ingest, _harness.Products);

    private static string Request(string extra = "") =>
        $$"""{"ProductCode":"{{OwnProduct}}","Timestamp":1795722000.5,"UsageDimension":"ingested_gb","UsageQuantity":4{{extra}}}""";

    [Fact]
    public async Task A_bound_key_meters_for_its_customer_with_the_client_token_as_idempotency_key()
    {
        var response = await InvokeAsync(Operation, Caller("cust-bound"), Request(""","ClientToken":"tok-1" """));

        Assert.Equal("0192f000-0000-7000-8000-000000000001", response.GetProperty("MeteringRecordId").GetString());
        var (submission, options) = Assert.Single(_harness.Ingest.Calls);
        Assert.Equal(UsageSource.MeterUsage, submission.Source);
        Assert.Equal("cust-bound", submission.BoundCustomerIdentifier);
        Assert.Equal(OwnProduct, submission.ProductId);
        var record = Assert.Single(submission.Records);
        Assert.Null(record.CustomerIdentifier);
        Assert.Equal(("ingested_gb", 4L, "tok-1"), (record.Dimension, record.Quantity, record.IdempotencyKey));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795722000500), record.Timestamp);
        Assert.False(options.DryRun);
    }

    [Fact]
    public async Task An_unbound_key_is_not_entitled_and_is_told_how_to_bind_one()
    {
        var error = await FailsAsync(Operation, Caller(), Request());

        Assert.Equal(("CustomerNotEntitledException", 400), (error.Code, error.StatusCode));
        Assert.Contains("bound to that customer", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Ingest.Calls);
    }

    [Fact]
    public async Task The_same_hour_with_another_quantity_is_a_duplicate_request()
    {
        _harness.Ingest.Outcomes[0] = (UsageOutcomeStatus.Duplicate, UsageDuplicate.NaturalKey);

        var error = await FailsAsync(Operation, Caller("c"), Request());

        Assert.Equal(("DuplicateRequestException", 400), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task A_client_token_reused_with_other_parameters_is_an_idempotency_conflict_409()
    {
        _harness.Ingest.Outcomes[0] = (UsageOutcomeStatus.Duplicate, UsageDuplicate.IdempotencyKey);

        var error = await FailsAsync(Operation, Caller("c"), Request(""","ClientToken":"tok-1" """));

        Assert.Equal(("IdempotencyConflictException", 409), (error.Code, error.StatusCode));
    }

    [Theory]
    [InlineData(UsageRejection.TimestampOutOfWindow, "TimestampOutOfBoundsException")]
    [InlineData(UsageRejection.UnknownDimension, "InvalidUsageDimensionException")]
    [InlineData(UsageRejection.InvalidAllocations, "InvalidUsageAllocationsException")]
    [InlineData(UsageRejection.InvalidTag, "InvalidTagException")]
    [InlineData(UsageRejection.NotEntitled, "CustomerNotEntitledException")]
    [InlineData(UsageRejection.UnknownCustomer, "CustomerNotEntitledException")]
    [InlineData(UsageRejection.WrongProduct, "CustomerNotEntitledException")]
    public async Task A_refused_record_is_the_modeled_exception(string rejection, string code)
    {
        _harness.Ingest.Outcomes[0] = (UsageOutcomeStatus.Rejected, rejection);

        var error = await FailsAsync(Operation, Caller("c"), Request());

        Assert.Equal((code, 400), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task A_permitted_dry_run_answers_dry_run_operation_and_asks_the_ingest_to_write_nothing()
    {
        var error = await FailsAsync(Operation, Caller("c"), Request(""","DryRun":true"""));

        Assert.Equal(("DryRunOperation", 412), (error.Code, error.StatusCode));
        Assert.True(Assert.Single(_harness.Ingest.Calls).Options.DryRun);
    }

    [Fact]
    public async Task A_dry_run_that_would_fail_answers_the_failure()
    {
        _harness.Ingest.Outcomes[0] = (UsageOutcomeStatus.Rejected, UsageRejection.UnknownDimension);

        var error = await FailsAsync(Operation, Caller("c"), Request(""","DryRun":true"""));

        Assert.Equal("InvalidUsageDimensionException", error.Code);
    }

    [Fact]
    public async Task A_client_token_longer_than_64_characters_is_a_validation_error()
    {
        var error = await FailsAsync(Operation, Caller("c"), Request($$""","ClientToken":"{{new string('t', 65)}}" """));

        Assert.Equal("ValidationException", error.Code);
        Assert.Contains("'clientToken'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_sellers_product_is_an_invalid_product_code()
    {
        var error = await FailsAsync(Operation, Caller("c"), $$"""{"ProductCode":"{{OtherSellersProduct}}","Timestamp":1795722000,"UsageDimension":"d","UsageQuantity":1}""");

        Assert.Equal("InvalidProductCodeException", error.Code);
    }
}
