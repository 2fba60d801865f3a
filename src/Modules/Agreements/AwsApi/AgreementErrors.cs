using System.Text.Json.Nodes;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Agreements.AwsApi;

/// <summary>
/// The Agreement model's errors (aws-marketplace.md §1): <c>ValidationException</c> 400 with <c>reason</c> and
/// <c>fields</c>, <c>ResourceNotFoundException</c> 404 with <c>resourceId</c> and <c>resourceType</c>. The endpoint adds
/// <c>requestId</c> to every JSON 1.0 modeled error.
/// </summary>
internal static class AgreementErrors
{
    public static AwsServiceException Validation(string reason, string field, string message) =>
        new("ValidationException", message, 400, new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["reason"] = reason,
            ["fields"] = new JsonArray(new JsonObject { ["name"] = field, ["message"] = message }),
        });

    public static AwsServiceException AgreementNotFound(string? agreementId) =>
        new("ResourceNotFoundException", $"Agreement '{agreementId}' was not found.", 404, new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["resourceId"] = agreementId,
            ["resourceType"] = "Agreement",
        });
}
