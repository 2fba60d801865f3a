using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Sellers' legal entities: a seller registers and reads its own (another seller's answer 404); the operator reads
/// every seller's and reviews them (KYC). The tax form travels as a raw PDF body, never as a form post.
/// </summary>
internal static class SellerEntitiesApi
{
    public static RouteGroupBuilder MapSellerEntitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/seller-entities").WithTags("Seller entities")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator));
        group.MapGet("/", List).WithSummary("A seller's own legal entities; the operator sees every seller's (filter with kycStatus, sellerId)");
        group.MapGet("/{id:guid}", Get).WithSummary("One legal entity");
        group.MapPost("/", Create).RequireAuthorization(Policies.Seller).WithSummary("Register a legal entity in an eligible jurisdiction (send an Idempotency-Key)");
        group.MapPut("/{id:guid}/tax-form", UploadTaxForm).RequireAuthorization(Policies.Seller).Accepts<byte[]>("application/pdf")
            .WithSummary("Upload the entity's W-9 or W-8BEN-E as the PDF request body (Content-Type: application/pdf, at most 5 MB; ?fileName=)");
        group.MapGet("/{id:guid}/tax-form", DownloadTaxForm).WithSummary("The tax form on file, as a PDF");
        group.MapPost("/{id:guid}/kyc/verify", Verify).RequireAuthorization(Policies.Operator).WithSummary("Accept the entity's KYC review until expiresAt (two years by default)");
        group.MapPost("/{id:guid}/kyc/reject", Reject).RequireAuthorization(Policies.Operator).WithSummary("Refuse the entity's KYC review, with a reason the seller sees");
        return api;
    }

    public sealed record SellerEntityResponse(
        Guid Id,
        Guid SellerId,
        string LegalName,
        string CountryCode,
        PostalAddress Address,
        string TaxId,
        string RequiredTaxForm,
        TaxFormInfo? TaxForm,
        KycStatus KycStatus,
        string? KycReason,
        DateTimeOffset? KycReviewedAt,
        DateTimeOffset? KycExpiresAt,
        DateTimeOffset CreatedAt);

    public sealed record CreateSellerEntityRequest(string LegalName, string CountryCode, PostalAddress? Address, string TaxId);

    public sealed record VerifyRequest(DateTimeOffset? ExpiresAt);

    public sealed record RejectRequest(string Reason);

    private static async Task<Ok<ApiPage<SellerEntityResponse>>> List(
        IAccountsQueries accounts, ClaimsPrincipal user, string? kycStatus, Guid? sellerId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        KycStatus? status = null;
        if (!string.IsNullOrEmpty(kycStatus))
        {
            status = Enum.TryParse<KycStatus>(kycStatus, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ValidationFailedException("kycStatus", "kycStatus is pending, verified, rejected or expired.");
        }

        var request = PageRequest.From(page, pageSize);
        if (user.IsInRole(Roles.Operator) && sellerId is null)
        {
            return TypedResults.Ok(ApiPage<SellerEntityResponse>.From(await accounts.ListAllSellerEntitiesAsync(status, request, cancellationToken), ToResponse));
        }

        // A seller always sees its own; the operator may ask for one seller's.
        var owner = user.IsInRole(Roles.Operator) ? OrganisationId.From(sellerId!.Value) : user.OrganisationId();
        var items = (await accounts.ListSellerEntitiesAsync(owner, cancellationToken)).Where(e => status is null || e.KycStatus == status).ToList();
        var paged = items.Skip(request.Skip).Take(request.Size).ToList();
        return TypedResults.Ok(ApiPage<SellerEntityResponse>.From(new Page<SellerEntityDto>(paged, request.Number, request.Size, items.Count), ToResponse));
    }

    private static async Task<Ok<SellerEntityResponse>> Get(Guid id, IAccountsQueries accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.FindSellerEntityAsync(SellerEntityId.From(id), user.SellerScope(), cancellationToken) ?? throw NotFound(id)));

    private static async Task<Created<SellerEntityResponse>> Create(CreateSellerEntityRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateSellerEntityAsync(
            user.OrganisationId(), new NewSellerEntity(request.LegalName, request.CountryCode, request.Address!, request.TaxId), user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/v1/seller-entities/{created.Id}", ToResponse(created));
    }

    private static async Task<Ok<SellerEntityResponse>> UploadTaxForm(
        Guid id, HttpRequest request, IAccountsCommands accounts, ClaimsPrincipal user, string? fileName, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationFailedException("file", "Send the tax form as the request body with Content-Type: application/pdf.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > TaxFormFile.MaxBytes)
            {
                throw new ValidationFailedException("file", "The tax form is larger than 5 MB; scan it at a lower resolution.");
            }

            buffer.Write(chunk, 0, read);
        }

        var updated = await accounts.UploadTaxFormAsync(
            user.OrganisationId(), SellerEntityId.From(id), new TaxFormFile(fileName ?? "", buffer.ToArray()), user.Actor(), cancellationToken);
        return TypedResults.Ok(ToResponse(updated));
    }

    private static async Task<FileContentHttpResult> DownloadTaxForm(Guid id, IAccountsQueries accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var form = await accounts.GetTaxFormAsync(SellerEntityId.From(id), user.SellerScope(), cancellationToken)
            ?? throw new DomainException("tax-form-not-found", $"Seller entity {id} has no tax form on file.", DomainErrorKind.NotFound);
        return TypedResults.File(form.Content, "application/pdf", form.FileName);
    }

    private static async Task<Ok<SellerEntityResponse>> Verify(Guid id, VerifyRequest? request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.VerifySellerEntityAsync(SellerEntityId.From(id), request?.ExpiresAt, user.Actor(), cancellationToken)));

    private static async Task<Ok<SellerEntityResponse>> Reject(Guid id, RejectRequest request, IAccountsCommands accounts, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await accounts.RejectSellerEntityAsync(SellerEntityId.From(id), request.Reason, user.Actor(), cancellationToken)));

    internal static DomainException NotFound(Guid id) => new("seller-entity-not-found", $"Seller entity {id} does not exist.", DomainErrorKind.NotFound);

    private static SellerEntityResponse ToResponse(SellerEntityDto e) => new(
        e.Id.Value, e.SellerId.Value, e.LegalName, e.CountryCode, e.Address, e.TaxId, e.RequiredTaxForm, e.TaxForm, e.KycStatus, e.KycReason, e.KycReviewedAt, e.KycExpiresAt, e.CreatedAt);
}
