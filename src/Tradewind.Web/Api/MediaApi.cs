using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// Product images: sellers upload logos and screenshots (multipart, checked by magic bytes); anyone reads them at
/// <c>/media/{id}</c>. Media never change, so they are cached for a year and their SHA-256 is a strong ETag.
/// </summary>
internal static class MediaApi
{
    private const string CacheForAYear = "public, max-age=31536000, immutable";

    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder api)
    {
        // Bearer keys carry no ambient authority and the cookie is SameSite=Lax, so a cross-site form cannot post here.
        api.MapPost("/products/{id:guid}/media", Upload).WithTags("Products")
            .WithSummary("Upload a logo (≤ 1 MB) or screenshot (≤ 5 MB, at most 5): multipart fields 'kind' (logo|screenshot) and 'file'")
            .RequireAuthorization(Policies.Seller)
            .DisableAntiforgery();
        return api;
    }

    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id:guid}", Get).WithTags("Products").WithSummary("An uploaded image").AllowAnonymous();
        return app;
    }

    public sealed record MediaResponse(Guid Id, Guid ProductId, MediaKind Kind, string ContentType, long Length, string Sha256, int? Width, int? Height, string Url);

    private static async Task<Created<MediaResponse>> Upload(Guid id, HttpRequest request, ICatalogCommands catalog, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new ValidationFailedException("file", "Send multipart/form-data with the fields 'kind' and 'file'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var kind = form["kind"].ToString() switch
        {
            "logo" => MediaKind.Logo,
            "screenshot" => MediaKind.Screenshot,
            _ => throw new ValidationFailedException("kind", "Kind is logo or screenshot."),
        };
        var file = form.Files.GetFile("file") ?? throw new ValidationFailedException("file", "Attach the image as the 'file' field.");
        if (file.Length > 5 * 1024 * 1024)
        {
            throw new ValidationFailedException("file", kind == MediaKind.Logo ? "A logo is at most 1 MB." : "A screenshot is at most 5 MB.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var media = await catalog.UploadMediaAsync(new ProductId(id), kind, buffer.ToArray(), user.CatalogCaller(), cancellationToken);
        var url = $"/media/{media.Id}";
        return TypedResults.Created(url, new MediaResponse(media.Id.Value, media.ProductId.Value, media.Kind, media.ContentType, media.Length, media.Sha256, media.Width, media.Height, url));
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound>> Get(Guid id, HttpContext context, ICatalogQueries catalog, CancellationToken cancellationToken)
    {
        if (await catalog.FindMediaAsync(new MediaId(id), cancellationToken) is not { } media)
        {
            return TypedResults.NotFound();
        }

        var etag = $"\"{media.Sha256}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheForAYear;
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(media.Bytes, media.ContentType);
    }
}
