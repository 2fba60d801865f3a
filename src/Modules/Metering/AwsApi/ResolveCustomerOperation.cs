using System.Text.Json.Serialization.Metadata;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Metering.AwsApi;

/// <summary>
/// <c>AWSMPMeteringService.ResolveCustomer</c>: exchanges the registration token the buyer's browser posted to the
/// seller's fulfilment URL for <c>CustomerIdentifier</c> and <c>ProductCode</c> (the product id). Only the seller of the
/// token's product may resolve it; another seller's token is an unknown one. Tradewind has no AWS accounts or licence
/// ARNs, so <c>CustomerAWSAccountId</c> and <c>LicenseArn</c> are left out (both are optional in the model).
/// A Tradewind token resolves once: a second resolve is <c>InvalidTokenException</c>, a late one <c>ExpiredTokenException</c>.
/// </summary>
internal sealed class ResolveCustomerOperation(IAgreementsCommands agreements) : AwsOperation<ResolveCustomerRequest, ResolveCustomerResponse>
{
    public override string Target => "AWSMPMeteringService.ResolveCustomer";

    public override AwsJsonProtocol Protocol => AwsJsonProtocol.Json11;

    protected override JsonTypeInfo<ResolveCustomerRequest> RequestType => MeteringJson.Default.ResolveCustomerRequest;

    protected override JsonTypeInfo<ResolveCustomerResponse> ResponseType => MeteringJson.Default.ResolveCustomerResponse;

    protected override async Task<ResolveCustomerResponse> HandleAsync(AwsCaller caller, ResolveCustomerRequest request, CancellationToken cancellationToken)
    {
        var errors = new ConstraintErrors();
        if (request.RegistrationToken is null)
        {
            errors.Required("registrationToken");
        }
        else if (request.RegistrationToken.Trim().Length == 0)
        {
            errors.Add("registrationToken", "Member must satisfy regular expression pattern: \\S+");
        }

        errors.ThrowIfAny();

        try
        {
            var resolved = await agreements.ResolveCustomerAsync(request.RegistrationToken!, new AgreementsCaller(caller.SellerId, Roles.Seller, caller.Actor), cancellationToken);
            return new ResolveCustomerResponse(resolved.CustomerIdentifier, resolved.ProductCode);
        }
        catch (DomainException exception) when (exception.Code == "registration-token-expired")
        {
            throw new AwsServiceException("ExpiredTokenException", exception.Message);
        }
        catch (DomainException exception) when (exception.Code is "registration-token-invalid" or "registration-token-used" or "validation-failed")
        {
            throw new AwsServiceException("InvalidTokenException", exception.Code == "validation-failed" ? "The registration token is not one Tradewind issued." : exception.Message);
        }
    }
}
