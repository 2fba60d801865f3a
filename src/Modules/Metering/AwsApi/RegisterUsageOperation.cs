using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;
using Tradewind.Metering.Signing;

namespace Tradewind.Metering.AwsApi;

/// <summary>
/// <c>AWSMPMeteringService.RegisterUsage</c> (paid containers): software running in one customer's environment, signing
/// with an access key bound to that customer, checks that the customer holds an agreement in force for the product and
/// gets a signed proof of it: an ES256 JWT with the claims <c>productCode</c>, <c>customerIdentifier</c>, <c>nonce</c>
/// (when sent), <c>publicKeyVersion</c> and <c>iat</c>, verifiable with the public key at
/// <c>/.well-known/tradewind/metering-public-key.pem</c>. Only <c>PublicKeyVersion</c> 1 exists.
/// </summary>
internal sealed class RegisterUsageOperation(SellerProducts products, IAgreementsQueries agreements, MeteringSigner signer, TimeProvider clock)
    : AwsOperation<RegisterUsageRequest, RegisterUsageResponse>
{
    public override string Target => "AWSMPMeteringService.RegisterUsage";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json11;

    protected override JsonTypeInfo<RegisterUsageRequest> RequestType => MeteringJson.Default.RegisterUsageRequest;

    protected override JsonTypeInfo<RegisterUsageResponse> ResponseType => MeteringJson.Default.RegisterUsageResponse;

    protected override async Task<RegisterUsageResponse> HandleAsync(AwsCaller caller, RegisterUsageRequest request, CancellationToken cancellationToken)
    {
        var errors = new ConstraintErrors();
        if (request.ProductCode is null)
        {
            errors.Required("productCode");
        }

        if (request.PublicKeyVersion is null)
        {
            errors.Required("publicKeyVersion");
        }

        errors.Length("productCode", request.ProductCode, 1, 255);
        errors.Range("publicKeyVersion", request.PublicKeyVersion, 1, int.MaxValue);
        errors.Length("nonce", request.Nonce, 0, 255);
        errors.ThrowIfAny();

        var productId = await products.RequireOwnAsync(request.ProductCode, caller, cancellationToken);
        if (request.PublicKeyVersion != MeteringSigner.CurrentVersion)
        {
            throw new AwsServiceException(
                "InvalidPublicKeyVersionException", $"Public key version {request.PublicKeyVersion} does not exist; Tradewind signs with version {MeteringSigner.CurrentVersion}.");
        }

        if (caller.BoundCustomerIdentifier is not { } customerIdentifier)
        {
            throw MeteringErrors.UnboundKey("RegisterUsage");
        }

        var now = clock.GetUtcNow();
        var customers = await agreements.FindMeteringCustomersAsync([customerIdentifier], [], now, cancellationToken);
        var customer = customers.SingleOrDefault(c => c.CustomerIdentifier == customerIdentifier && c.SellerId == caller.SellerId && c.ProductId == productId);
        var inForce = customer?.Agreements.Any(a => a.Status != AgreementStatus.Suspended && a.From <= now && (a.Until is null || a.Until > now)) == true;
        if (!inForce)
        {
            throw MeteringErrors.CustomerNotEntitled(
                $"Customer {customerIdentifier} holds no agreement in force for product {request.ProductCode}: it has not subscribed, its agreement ended or is suspended.");
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["productCode"] = request.ProductCode!,
            ["customerIdentifier"] = customerIdentifier,
            ["publicKeyVersion"] = MeteringSigner.CurrentVersion,
            ["iat"] = now.ToUnixTimeSeconds(),
        };
        if (!string.IsNullOrEmpty(request.Nonce))
        {
            claims["nonce"] = request.Nonce;
        }

        var (jwt, key) = await signer.SignAsync(claims, cancellationToken);
        return new RegisterUsageResponse(key.CreatedAt, jwt);
    }
}
