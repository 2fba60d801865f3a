using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Localization;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Api;

/// <summary>
/// A product's listing translations. The seller reads, corrects (→ human_reviewed), re-runs and opts languages out of
/// its own products' translations; the operator reads any product's and may run due translation jobs at once. Another
/// seller's product answers 404, buyers 403.
/// </summary>
internal static class TranslationsApi
{
    public static RouteGroupBuilder MapTranslationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{id:guid}/translations").WithTags("Translations").RequireAuthorization(ProductsApi.SellerOrOperator);
        group.MapGet("/", Get).WithSummary("Every target language's translation of the listing, field by field, with its status");
        group.MapPut("/glossary", SetGlossary).WithSummary("Replace the seller's protected terms (kept untranslated)").RequireAuthorization(Policies.Seller);
        group.MapPut("/{lang}/{field}", Edit).WithSummary("Write a field's translation yourself; it becomes human_reviewed").RequireAuthorization(Policies.Seller);
        group.MapPost("/{lang}/retranslate", Retranslate).WithSummary("Queue a fresh machine translation of the language (human-reviewed fields are kept)").RequireAuthorization(Policies.Seller);
        group.MapPost("/{lang}/opt-out", OptOut).WithSummary("Do not translate into this language; the storefront shows the original").RequireAuthorization(Policies.Seller);
        group.MapPost("/{lang}/opt-in", OptIn).WithSummary("Translate into this language again").RequireAuthorization(Policies.Seller);
        api.MapPost("/translations/run", Run).WithTags("Translations").WithSummary("Run the translation jobs that are due now (operator)").RequireAuthorization(Policies.Operator);
        return api;
    }

    public sealed record TranslationEdit(string Text);

    public sealed record GlossaryRequest(IReadOnlyList<string> Terms);

    public sealed record FieldResponse(string Field, string Source, string? Text, string Status, string? Engine, string? Reason, DateTimeOffset? UpdatedAt, string? ReviewedBy);

    public sealed record LanguageResponse(string Language, bool OptedOut, string Status, int? SourceRevision, string? LastError, IReadOnlyList<FieldResponse> Fields);

    public sealed record TranslationsResponse(
        Guid ProductId, string SourceLanguage, int? PublishedRevision, IReadOnlyList<string> ProtectedTerms, IReadOnlyList<string> SellerTerms, IReadOnlyList<LanguageResponse> Languages);

    public sealed record RunResponse(int Ran);

    private static async Task<Results<Ok<TranslationsResponse>, ProblemHttpResult>> Get(Guid id, IListingTranslationQueries translations, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await translations.GetAsync(new ProductId(id), user.TranslationCaller(), cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : ProductsApi.NotFound(id);

    private static async Task<Ok<TranslationsResponse>> Edit(Guid id, string lang, string field, TranslationEdit request, IListingTranslationCommands translations, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await translations.EditAsync(new ProductId(id), lang, field, request.Text ?? "", user.TranslationCaller(), cancellationToken)));

    private static async Task<Ok<TranslationsResponse>> Retranslate(Guid id, string lang, IListingTranslationCommands translations, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await translations.RetranslateAsync(new ProductId(id), lang, user.TranslationCaller(), cancellationToken)));

    private static async Task<Ok<TranslationsResponse>> OptOut(Guid id, string lang, IListingTranslationCommands translations, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await translations.SetOptOutAsync(new ProductId(id), lang, true, user.TranslationCaller(), cancellationToken)));

    private static async Task<Ok<TranslationsResponse>> OptIn(Guid id, string lang, IListingTranslationCommands translations, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await translations.SetOptOutAsync(new ProductId(id), lang, false, user.TranslationCaller(), cancellationToken)));

    private static async Task<Ok<TranslationsResponse>> SetGlossary(Guid id, GlossaryRequest request, IListingTranslationCommands translations, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await translations.SetGlossaryAsync(new ProductId(id), request.Terms ?? [], user.TranslationCaller(), cancellationToken)));

    private static async Task<Ok<RunResponse>> Run(IListingTranslationCommands translations, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RunResponse(await translations.RunPendingJobsAsync(cancellationToken)));

    private static TranslationCaller TranslationCaller(this ClaimsPrincipal user) => new(user.OrganisationId(), user.IsInRole(Roles.Operator), user.Actor());

    public static TranslationsResponse ToResponse(ListingTranslationsDto dto) => new(
        dto.ProductId.Value,
        dto.SourceLanguage,
        dto.PublishedRevision,
        dto.ProtectedTerms,
        dto.SellerTerms,
        dto.Languages.Select(l => new LanguageResponse(
            l.Language,
            l.OptedOut,
            TranslationStatusNames.Name(l.Status),
            l.SourceRevision,
            l.LastError,
            l.Fields.Select(f => new FieldResponse(f.Field, f.Source, f.Text, TranslationStatusNames.Name(f.Status), f.Engine, f.Reason, f.UpdatedAt, f.ReviewedBy)).ToList())).ToList());
}
