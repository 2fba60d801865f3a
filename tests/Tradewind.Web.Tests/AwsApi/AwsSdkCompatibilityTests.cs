using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>The host on a real Kestrel port, for clients outside the process (the AWS SDK for JavaScript).</summary>
public sealed class KestrelTradewindApp : TradewindApp
{
    // Port 0 on an explicit loopback endpoint: a free port chosen by the OS (UseKestrel(0) would mean 5000).
    public KestrelTradewindApp() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("Kestrel reported no addresses.");
            return new Uri(addresses.First());
        }
    }
}

/// <summary>
/// The real AWS SDK for JavaScript v3 Marketplace clients (pinned in tests/aws-sdk, installed with <c>npm ci</c>)
/// against the real server. No operation exists yet, so a correctly signed call must come back as AWS's
/// <c>UnknownOperationException</c>: that proves the SDK's signatures verify, and the error cases prove the SDK
/// decodes Tradewind's errors into the exceptions AWS would raise.
/// </summary>
public sealed class AwsSdkCompatibilityTests(KestrelTradewindApp app) : IClassFixture<KestrelTradewindApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_metering_client_signs_requests_tradewind_verifies()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "MeterUsage", new
        {
            ProductCode = "prod-alpha-logs",
            Timestamp = TimeProvider.System.GetUtcNow().ToString("O"),
            UsageDimension = "ingested_gb",
            UsageQuantity = 3,
        }, dateFields: ["Timestamp"]);

        AssertError(result, "UnknownOperationException", 400);
        Assert.False(string.IsNullOrEmpty(result.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task The_entitlement_client_signs_requests_tradewind_verifies()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "entitlement", "GetEntitlements", new { ProductCode = "prod-alpha-logs" });

        // Signature verified, operation reached: "prod-alpha-logs" is not one of the seller's product ids.
        AssertError(result, "InvalidParameterException", 400);
    }

    [Fact]
    public async Task The_agreement_client_signs_json_1_0_requests_tradewind_verifies()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "agreement", "DescribeAgreement", new { agreementId = "agmt-0000000000000000000000000" });

        // Signature verified, operation reached: no such agreement.
        AssertError(result, "ResourceNotFoundException", 404);
    }

    [Fact]
    public async Task A_wrong_secret_surfaces_as_invalid_signature_in_the_sdk()
    {
        var key = await NewKeyAsync() with { Secret = new string('w', 40) };

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, maxAttempts: 1);

        AssertError(result, "InvalidSignatureException", 403);
    }

    [Fact]
    public async Task A_revoked_key_surfaces_as_unrecognized_client_in_the_sdk()
    {
        var key = await NewKeyAsync();
        await app.ClientFor(app.SellerA).DeleteAsync($"/api/v1/aws-access-keys/{key.Id}", _ct);

        var result = await CallAsync(key, "entitlement", "GetEntitlements", new { ProductCode = "prod-alpha-logs" }, maxAttempts: 1);

        AssertError(result, "UnrecognizedClientException", 403);
    }

    [Fact]
    public async Task Session_credentials_surface_as_unrecognized_client_in_the_sdk()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, sessionToken: "FwoGZXIvYXdzEexample", maxAttempts: 1);

        AssertError(result, "UnrecognizedClientException", 403);
    }

    [Fact]
    public async Task A_skewed_client_clock_is_refused_without_retries()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, clockOffsetMs: -30 * 60 * 1000, maxAttempts: 1);

        AssertError(result, "InvalidSignatureException", 403);
    }

    [Fact]
    public async Task The_sdk_corrects_a_skewed_clock_from_the_servers_date_header_and_retries()
    {
        var key = await NewKeyAsync();

        var result = await CallAsync(key, "metering", "ResolveCustomer", new { RegistrationToken = "token" }, clockOffsetMs: -30 * 60 * 1000, maxAttempts: 3);

        AssertError(result, "UnknownOperationException", 400);
    }

    private static void AssertError(JsonElement result, string name, int status)
    {
        Assert.False(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        Assert.Equal(name, result.GetProperty("name").GetString());
        Assert.Equal(status, result.GetProperty("httpStatusCode").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetString()));
    }

    private sealed record Key(Guid Id, string AccessKeyId, string Secret);

    private async Task<Key> NewKeyAsync()
    {
        var response = await app.ClientFor(app.SellerA).PostAsJsonAsync(new Uri(app.BaseAddress, "/api/v1/aws-access-keys"), new { name = "sdk test" }, _ct);
        var key = await response.ReadJsonAsync();
        return new Key(key.GetProperty("id").GetGuid(), key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!);
    }

    private async Task<JsonElement> CallAsync(
        Key key, string client, string operation, object input, string[]? dateFields = null, string? sessionToken = null, int? clockOffsetMs = null, int? maxAttempts = null)
    {
        var call = JsonSerializer.Serialize(new
        {
            endpoint = app.BaseAddress.ToString().TrimEnd('/'),
            client,
            operation,
            input,
            dateFields,
            accessKeyId = key.AccessKeyId,
            secretAccessKey = key.Secret,
            sessionToken,
            clockOffsetMs,
            maxAttempts,
        });
        var start = new ProcessStartInfo("node", ["call.mjs"])
        {
            WorkingDirectory = HarnessDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TRADEWIND_AWS_CALL"] = call;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(_ct);
        var stderr = process.StandardError.ReadToEndAsync(_ct);
        await process.WaitForExitAsync(_ct);
        var output = (await stdout).Trim();
        Assert.True(process.ExitCode == 0 && output.Length > 0, $"node exited {process.ExitCode}: {output} {await stderr}");
        return JsonDocument.Parse(output.Split('\n')[^1]).RootElement.Clone();
    }

    private static string HarnessDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var harness = Path.Combine(directory.FullName, "tests", "aws-sdk");
            if (File.Exists(Path.Combine(harness, "package.json")))
            {
                Assert.True(
                    Directory.Exists(Path.Combine(harness, "node_modules", "@aws-sdk")),
                    $"The AWS SDK is not installed: run 'npm ci' in {harness} (test.sh does this).");
                return harness;
            }
        }

        throw new InvalidOperationException("tests/aws-sdk was not found above the test binaries.");
    }
}
