using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tradewind.Web.Api;

/// <summary>Title, description and the bearer-key security scheme of the OpenAPI document.</summary>
internal sealed class OpenApiDocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Tradewind API",
            Version = "v1",
            Description = "The REST API of a Tradewind marketplace. Authenticate software with `Authorization: Bearer <API key>`. " +
                "Money is a decimal string in major units with an ISO 4217 currency code. Errors are RFC 7807 problem details. " +
                "Send an `Idempotency-Key` header with writes to retry them safely.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key issued in the seller portal, the operator console or with POST /api/v1/api-keys.",
        };
        // Endpoints that allow anonymous callers simply ignore the key; the reference UI offers it everywhere.
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }];
        return Task.CompletedTask;
    }
}
