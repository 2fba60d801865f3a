using System.Text.Json;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.AwsApi;
using static Tradewind.Metering.Tests.AwsApi.MeteringOperationHarness;

namespace Tradewind.Metering.Tests.AwsApi;

public sealed class BatchMeterUsageOperationTests
{
    private readonly MeteringOperationHarness _harness = new();

    private BatchMeterUsageOperation Operation => new(_harness.Ingest, _harness.Products);

    private static string Record(string customer = "cust-1", string dimension = "ingested_gb", int quantity = 3, long timestamp = 1795722000) =>
        $$"""{"Timestamp":{{timestamp}},"CustomerIdentifier":"{{customer}}","Dimension":"{{dimension}}","Quantity":{{quantity}}}""";

    private static string Batch(params string[] records) => $$"""{"ProductCode":"{{OwnProduct}}","UsageRecords":[{{string.Join(',', records)}}]}""";

    [Fact]
    public async Task Each_record_answers_success_duplicate_or_customer_not_subscribed_and_echoes_the_record()
    {
        _harness.Ingest.Outcomes[1] = (UsageOutcomeStatus.Duplicate, UsageDuplicate.NaturalKey);
        _harness.Ingest.Outcomes[2] = (UsageOutcomeStatus.Rejected, UsageRejection.UnknownCustomer);
        _harness.Ingest.Outcomes[3] = (UsageOutcomeStatus.Rejected, UsageRejection.NotEntitled);
        _harness.Ingest.Outcomes[4] = (UsageOutcomeStatus.Rejected, UsageRejection.WrongProduct);

        var response = await InvokeAsync(Operation, Caller(), Batch(Record("a"), Record("b"), Record("c"), Record("d"), Record("e")));

        var results = response.GetProperty("Results").EnumerateArray().ToList();
        Assert.Equal(["Success", "DuplicateRecord", "CustomerNotSubscribed", "CustomerNotSubscribed", "CustomerNotSubscribed"], results.Select(r => r.GetProperty("Status").GetString()));
        Assert.Equal(["a", "b", "c", "d", "e"], results.Select(r => r.GetProperty("UsageRecord").GetProperty("CustomerIdentifier").GetString()));
        Assert.Equal("0192f000-0000-7000-8000-000000000001", results[0].GetProperty("MeteringRecordId").GetString());
        Assert.Equal(1795722000, results[0].GetProperty("UsageRecord").GetProperty("Timestamp").GetInt64());
        Assert.False(results[2].TryGetProperty("MeteringRecordId", out _));
        Assert.Empty(response.GetProperty("UnprocessedRecords").EnumerateArray());
    }

    [Fact]
    public async Task The_batch_is_submitted_as_batch_meter_usage_refusing_the_whole_batch_on_awss_batch_errors()
    {
        await InvokeAsync(Operation, Caller(), Batch(Record(quantity: 7)));

        var (submission, options) = Assert.Single(_harness.Ingest.Calls);
        Assert.Equal(UsageSource.BatchMeterUsage, submission.Source);
        Assert.Equal(OwnProduct, submission.ProductId);
        Assert.Equal(Seller, submission.SellerId);
        var record = Assert.Single(submission.Records);
        Assert.Equal(("cust-1", "ingested_gb", 7L), (record.CustomerIdentifier, record.Dimension, record.Quantity));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795722000), record.Timestamp);
        Assert.False(options.DryRun);
        Assert.Superset(
            new HashSet<string> { UsageRejection.TimestampOutOfWindow, UsageRejection.UnknownDimension, UsageRejection.InvalidAllocations, UsageRejection.InvalidTag },
            options.RejectBatchOn!.ToHashSet());
    }

    [Theory]
    [InlineData(UsageRejection.TimestampOutOfWindow, "TimestampOutOfBoundsException")]
    [InlineData(UsageRejection.UnknownDimension, "InvalidUsageDimensionException")]
    [InlineData(UsageRejection.InvalidAllocations, "InvalidUsageAllocationsException")]
    [InlineData(UsageRejection.InvalidTag, "InvalidTagException")]
    public async Task A_refused_batch_is_the_modeled_exception(string rejection, string code)
    {
        _harness.Ingest.BatchRejection = rejection;

        var error = await FailsAsync(Operation, Caller(), Batch(Record(), Record("b")));

        Assert.Equal((code, 400), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task Twenty_six_records_are_a_validation_exception_in_awss_words()
    {
        var error = await FailsAsync(Operation, Caller(), Batch(Enumerable.Range(0, 26).Select(i => Record($"c{i}")).ToArray()));

        Assert.Equal(("ValidationException", 400), (error.Code, error.StatusCode));
        Assert.Equal("1 validation error detected: Value at 'usageRecords' failed to satisfy constraint: Member must have length less than or equal to 25", error.Message);
        Assert.Empty(_harness.Ingest.Calls);
    }

    [Fact]
    public async Task Twenty_five_records_and_none_are_accepted()
    {
        var full = await InvokeAsync(Operation, Caller(), Batch(Enumerable.Range(0, 25).Select(i => Record($"c{i}")).ToArray()));
        var empty = await InvokeAsync(Operation, Caller(), Batch());

        Assert.Equal(25, full.GetProperty("Results").GetArrayLength());
        Assert.Equal(0, empty.GetProperty("Results").GetArrayLength());
        Assert.Single(_harness.Ingest.Calls);
    }

    [Fact]
    public async Task Missing_members_and_negative_quantities_are_validation_errors()
    {
        var error = await FailsAsync(Operation, Caller(), Batch("""{"CustomerIdentifier":"c","Quantity":-1}"""));

        Assert.Equal("ValidationException", error.Code);
        Assert.StartsWith("3 validation errors detected:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'usageRecords.1.member.timestamp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'usageRecords.1.member.dimension'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'usageRecords.1.member.quantity' failed to satisfy constraint: Member must have value greater than or equal to 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_sellers_product_code_is_an_invalid_product_code()
    {
        var error = await FailsAsync(Operation, Caller(), $$"""{"ProductCode":"{{OtherSellersProduct}}","UsageRecords":[{{Record()}}]}""");

        Assert.Equal("InvalidProductCodeException", error.Code);
        Assert.Empty(_harness.Ingest.Calls);
    }

    [Fact]
    public async Task Without_a_product_code_the_customer_identifier_names_the_product()
    {
        await InvokeAsync(Operation, Caller(), $$"""{"UsageRecords":[{{Record()}}]}""");

        Assert.Null(Assert.Single(_harness.Ingest.Calls).Submission.ProductId);
    }

    [Fact]
    public async Task Customers_named_by_aws_account_or_licence_are_refused_with_the_modeled_errors()
    {
        var byAccount = await FailsAsync(Operation, Caller(), Batch("""{"Timestamp":1795722000,"CustomerAWSAccountId":"123456789012","Dimension":"d","Quantity":1}"""));
        var byLicence = await FailsAsync(Operation, Caller(), Batch("""{"Timestamp":1795722000,"CustomerAWSAccountId":"123456789012","LicenseArn":"arn:aws:license-manager::123456789012:license:l-1","Dimension":"d","Quantity":1}"""));
        var nobody = await FailsAsync(Operation, Caller(), Batch("""{"Timestamp":1795722000,"Dimension":"d","Quantity":1}"""));

        Assert.Equal("InvalidCustomerIdentifierException", byAccount.Code);
        Assert.Contains("CustomerIdentifier", byAccount.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidLicenseException", byLicence.Code);
        Assert.Equal("InvalidCustomerIdentifierException", nobody.Code);
        Assert.Empty(_harness.Ingest.Calls);
    }

    [Fact]
    public async Task Allocations_reach_the_ingest_with_their_tags()
    {
        await InvokeAsync(Operation, Caller(), Batch("""
            {"Timestamp":1795722000,"CustomerIdentifier":"c","Dimension":"d","Quantity":5,
             "UsageAllocations":[{"AllocatedUsageQuantity":2,"Tags":[{"Key":"team","Value":"red"}]},{"AllocatedUsageQuantity":3}]}
            """));

        var allocations = Assert.Single(_harness.Ingest.Calls).Submission.Records[0].Allocations!;
        Assert.Equal([2L, 3L], allocations.Select(a => a.Quantity));
        Assert.Equal(new UsageTag("team", "red"), Assert.Single(allocations[0].Tags));
        Assert.Empty(allocations[1].Tags);
    }

    [Fact]
    public async Task An_iso_timestamp_is_a_serialization_exception()
    {
        var error = await FailsAsync(Operation, Caller(), Batch("""{"Timestamp":"2026-11-27T10:00:00Z","CustomerIdentifier":"c","Dimension":"d","Quantity":1}"""));

        Assert.Equal("SerializationException", error.Code);
    }

    [Fact]
    public void The_response_uses_awss_member_names()
    {
        var json = JsonSerializer.Serialize(new BatchMeterUsageResponse([], []), MeteringJson.Default.BatchMeterUsageResponse);

        Assert.Equal("""{"Results":[],"UnprocessedRecords":[]}""", json);
    }
}
