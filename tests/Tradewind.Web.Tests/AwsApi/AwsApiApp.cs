using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.AwsApi;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>
/// The host with one test-only AWS operation, <see cref="EchoOperation.Name"/>, so dispatch, (de)serialization and
/// error mapping can be exercised before the real operations arrive with metering. It exists in this test project only.
/// </summary>
public sealed class AwsApiApp : TradewindApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IAwsOperation, EchoOperation>());
    }
}

internal sealed class EchoOperation : AwsOperation<EchoRequest, EchoResponse>
{
    public const string Name = "TradewindTestService.Echo";

    public override string Target => Name;

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json11;

    protected override JsonTypeInfo<EchoRequest> RequestType => EchoJson.Default.EchoRequest;

    protected override JsonTypeInfo<EchoResponse> ResponseType => EchoJson.Default.EchoResponse;

    protected override Task<EchoResponse> HandleAsync(AwsCaller caller, EchoRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Text))
        {
            throw AwsServiceException.Validation(["Value null at 'text' failed to satisfy constraint: Member must not be null"]);
        }

        if (request.Text == "crash")
        {
            throw new InvalidOperationException("secret internal detail");
        }

        return Task.FromResult(new EchoResponse(request.Text, caller.SellerName, request.Timestamp));
    }
}

internal sealed record EchoRequest(string? Text, DateTimeOffset Timestamp);

internal sealed record EchoResponse(string Text, string Seller, DateTimeOffset Timestamp);

[JsonSourceGenerationOptions(Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(EchoRequest))]
[JsonSerializable(typeof(EchoResponse))]
internal sealed partial class EchoJson : JsonSerializerContext;
