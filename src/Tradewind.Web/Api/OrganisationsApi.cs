using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>The operator's view of every organisation on the marketplace, and onboarding of new ones.</summary>
internal static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations").RequireAuthorization(Policies.Operator);
        group.MapGet("/", List).WithSummary("List organisations, optionally of one kind");
        group.MapGet("/{id:guid}", Get).WithSummary("One organisation");
        group.MapPost("/", Create).WithSummary("Onboard a seller or buyer organisation (send an Idempotency-Key)");
        return api;
    }

    public sealed record OrganisationResponse(Guid Id, string Name, OrganisationKind Kind, string CountryCode, string? SubdivisionCode, DateTimeOffset CreatedAt);

    public sealed record CreateOrganisationRequest(string Name, OrganisationKind Kind, string CountryCode, string? SubdivisionCode);

    private static async Task<Ok<ApiPage<OrganisationResponse>>> List(IAccountsQueries accounts, string? kind, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        OrganisationKind? kindFilter = null;
        if (!string.IsNullOrEmpty(kind))
        {
            kindFilter = Enum.TryParse<OrganisationKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ValidationFailedException("kind", "Kind must be operator, seller or buyer.");
        }

        var result = await accounts.ListOrganisationsAsync(kindFilter, PageRequest.From(page, pageSize), cancellationToken);
        return TypedResults.Ok(ApiPage<OrganisationResponse>.From(result, ToResponse));
    }

    private static async Task<Results<Ok<OrganisationResponse>, NotFound>> Get(Guid id, IAccountsQueries accounts, CancellationToken cancellationToken) =>
        await accounts.FindOrganisationAsync(OrganisationId.From(id), cancellationToken) is { } organisation
            ? TypedResults.Ok(ToResponse(organisation))
            : TypedResults.NotFound();

    private static async Task<Created<OrganisationResponse>> Create(CreateOrganisationRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateOrganisationAsync(
            new NewOrganisation(request.Name, request.Kind, request.CountryCode, request.SubdivisionCode), user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{created.Id}", ToResponse(created));
    }

    private static OrganisationResponse ToResponse(OrganisationDto o) => new(o.Id.Value, o.Name, o.Kind, o.CountryCode, o.SubdivisionCode, o.CreatedAt);
}
