using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tradewind.Catalog.Categories;
using Tradewind.Catalog.Data;
using Tradewind.Catalog.Listings;
using Tradewind.Catalog.Media;
using Tradewind.Catalog.Pricing;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog;

internal sealed class CatalogCommands(TradewindDbContext db, Outbox outbox, AuditTrail audit, TimeProvider clock) : ICatalogCommands
{
    public const int MaxLogoBytes = 1024 * 1024;
    public const int MaxScreenshotBytes = 5 * 1024 * 1024;
    public const int MaxPlans = 10;

    public async Task<CategoryDto> CreateCategoryAsync(NewCategory category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(category);
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(category.Name) && category.Name.Length <= 120, "name", "Give a name of up to 120 characters.")
            .Require(!string.IsNullOrWhiteSpace(category.Group) && category.Group.Length <= 120, "group", "Give a group of up to 120 characters.")
            .Require(!string.IsNullOrWhiteSpace(category.Slug) && category.Slug.Length <= 80 && Slug.From(category.Slug) == category.Slug, "slug", "Use lower-case letters, digits and hyphens.")
            .ThrowIfInvalid();
        if (await db.Set<Category>().AnyAsync(c => c.Slug == category.Slug, cancellationToken))
        {
            throw new DomainException("category-exists", $"A category '{category.Slug}' already exists.", DomainErrorKind.Conflict);
        }

        var row = new Category { Id = CategoryId.New(clock), Slug = category.Slug, Name = category.Name.Trim(), Group = category.Group.Trim() };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CategoryDto(row.Id, row.Slug, row.Name, row.Group, 0);
    }

    public async Task<CategoryDto> UpdateCategoryAsync(CategoryId id, CategoryChange change, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(change.Name) && change.Name.Length <= 120, "name", "Give a name of up to 120 characters.")
            .Require(!string.IsNullOrWhiteSpace(change.Group) && change.Group.Length <= 120, "group", "Give a group of up to 120 characters.")
            .ThrowIfInvalid();
        var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainException("category-not-found", $"Category {id} does not exist.", DomainErrorKind.NotFound);
        category.Name = change.Name.Trim();
        category.Group = change.Group.Trim();
        audit.Record(actor, null, "category.updated", $"category:{category.Slug}", $"'{category.Name}' in '{category.Group}'");
        await db.SaveChangesAsync(cancellationToken);
        var count = await db.Set<ProductCategory>().CountAsync(
            pc => pc.CategoryId == id && pc.Published && db.Set<Listing>().Any(l => l.Id == pc.ProductId && l.Listed), cancellationToken);
        return new CategoryDto(category.Id, category.Slug, category.Name, category.Group, count);
    }

    public async Task<ListingDto> CreateListingAsync(NewListing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var caller = new CatalogCaller(listing.SellerId, IsOperator: false, "system:import");
        var input = new ListingInput(listing.Title, listing.ShortDescription, listing.LongDescription, null, [listing.CategorySlug], null, null, null, null, null);
        var created = await CreateAsync(input, caller, listing.SellerName, cancellationToken);
        ListingContent? published = null;
        if (listing.Publish)
        {
            // Imports and fixtures: approved at once, without plans or review.
            created.Submit(clock.GetUtcNow());
            published = created.Draft();
            db.Add(created.Approve(CatalogJson.Content(published), CatalogJson.Serialize(PricingSummaryDto.None), caller.Actor, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
        var views = await ViewsAsync(cancellationToken);
        return views.Listing(created, published ?? created.Draft(), created.PublishedRevision ?? 0, []);
    }

    public async Task<ProductDto> CreateProductAsync(ListingInput input, CatalogCaller caller, string sellerName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var listing = await CreateAsync(input, caller, sellerName, cancellationToken);
        audit.Record(caller.Actor, caller.OrganisationId.Value, "product.created", Subject(listing), listing.Title);
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewsAsync(cancellationToken)).Product(listing, null);
    }

    public async Task<ProductDto> UpdateProductAsync(ProductId id, ListingInput input, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await LoadOwnAsync(id, caller, cancellationToken);
        ListingLifecycle.Next(listing.Status, ListingAction.Edit);
        var media = await db.Set<MediaFile>().Where(m => m.ProductId == id).ToDictionaryAsync(m => m.Id, m => m.Kind, cancellationToken);
        var content = ListingRules.Read(input, await CategoriesBySlugAsync(cancellationToken), listing.Draft(), media);
        if (listing.Edit(content, clock.GetUtcNow()))
        {
            audit.Record(caller.Actor, listing.SellerId.Value, "product.edited", Subject(listing), listing.Title);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ProductAsync(listing, cancellationToken);
    }

    public async Task<MediaDto> UploadMediaAsync(ProductId id, MediaKind kind, byte[] bytes, CatalogCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var listing = await LoadOwnAsync(id, caller, cancellationToken);
        ListingLifecycle.Next(listing.Status, ListingAction.Edit);
        var validation = new Validation().Require(Enum.IsDefined(kind), "kind", "Kind is logo or screenshot.");
        validation.ThrowIfInvalid();
        var limit = kind == MediaKind.Logo ? MaxLogoBytes : MaxScreenshotBytes;
        validation.Require(bytes.Length > 0, "file", "The file is empty.")
            .Require(bytes.Length <= limit, "file", kind == MediaKind.Logo ? "A logo is at most 1 MB." : "A screenshot is at most 5 MB.");
        validation.ThrowIfInvalid();
        var header = ImageHeader.Read(bytes, out var problem) ?? throw new ValidationFailedException("file", problem!);
        if (kind == MediaKind.Screenshot && listing.ScreenshotMediaIds.Count >= ListingRules.MaxScreenshots)
        {
            throw new ValidationFailedException("file", $"A listing shows up to {ListingRules.MaxScreenshots} screenshots; remove one first.");
        }

        var now = clock.GetUtcNow();
        var media = new MediaFile
        {
            Id = MediaId.New(clock),
            ProductId = listing.Id,
            SellerId = listing.SellerId,
            Kind = kind,
            ContentType = header.ContentType,
            Bytes = bytes,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Width = header.Width,
            Height = header.Height,
            CreatedAt = now,
        };
        db.Add(media);
        if (kind == MediaKind.Logo)
        {
            listing.LogoMediaId = media.Id;
        }
        else
        {
            listing.ScreenshotMediaIds = [.. listing.ScreenshotMediaIds, media.Id];
        }

        listing.MarkChanged(now);
        audit.Record(caller.Actor, listing.SellerId.Value, "product.media-uploaded", Subject(listing), $"{kind.ToString().ToLowerInvariant()} {media.Id} ({media.ContentType}, {media.Length} bytes)");
        await db.SaveChangesAsync(cancellationToken);
        return media.ToDto();
    }

    public async Task<PlanDto> CreatePlanAsync(ProductId productId, PlanTerms terms, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await LoadOwnAsync(productId, caller, cancellationToken);
        ListingLifecycle.Next(listing.Status, ListingAction.Edit);
        var definition = PlanDefinition.Parse(terms);
        if (await db.Set<Plan>().CountAsync(p => p.ProductId == productId, cancellationToken) >= MaxPlans)
        {
            throw new DomainException("too-many-plans", $"A product has at most {MaxPlans} plans.", DomainErrorKind.Rule);
        }

        var now = clock.GetUtcNow();
        var plan = new Plan
        {
            Id = PlanId.New(clock),
            ProductId = productId,
            Name = definition.Terms.Name.Trim(),
            DraftTermsJson = CatalogJson.Terms(definition.Terms),
            HasDraftChanges = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(plan);
        listing.MarkChanged(now);
        audit.Record(caller.Actor, listing.SellerId.Value, "plan.created", $"plan:{plan.Id}", $"{Subject(listing)} {definition}");
        await db.SaveChangesAsync(cancellationToken);
        return plan.ToDto();
    }

    public async Task<PlanDto> UpdatePlanAsync(ProductId productId, PlanId planId, PlanTerms terms, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await LoadOwnAsync(productId, caller, cancellationToken);
        var plan = await db.Set<Plan>().SingleOrDefaultAsync(p => p.Id == planId && p.ProductId == productId, cancellationToken)
            ?? throw new DomainException("plan-not-found", $"Plan {planId} does not exist.", DomainErrorKind.NotFound);
        ListingLifecycle.Next(listing.Status, ListingAction.Edit);
        var definition = PlanDefinition.Parse(terms);
        var now = clock.GetUtcNow();
        var json = CatalogJson.Terms(definition.Terms);
        if (!string.Equals(json, plan.DraftTermsJson, StringComparison.Ordinal))
        {
            plan.Revise(definition.Terms, json, now);
            listing.MarkChanged(now);
            audit.Record(caller.Actor, listing.SellerId.Value, "plan.edited", $"plan:{plan.Id}", $"{Subject(listing)} {definition}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return plan.ToDto();
    }

    public async Task<ProductDto> SubmitAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await LoadOwnAsync(id, caller, cancellationToken);
        ListingLifecycle.Next(listing.Status, ListingAction.Submit);
        var gaps = new Dictionary<string, string[]>(listing.Draft().Gaps(), StringComparer.Ordinal);
        if (!await db.Set<Plan>().AnyAsync(p => p.ProductId == id, cancellationToken))
        {
            gaps["plans"] = ["Add at least one pricing plan before submitting."];
        }

        if (gaps.Count > 0)
        {
            throw new ValidationFailedException(gaps);
        }

        if (listing.PublishedRevision is not null && !listing.HasUnpublishedChanges)
        {
            throw new DomainException("nothing-to-submit", "The published revision is current; edit the listing or a plan first.", DomainErrorKind.Conflict);
        }

        var now = clock.GetUtcNow();
        listing.Submit(now);
        outbox.Add(new ProductSubmitted(listing.Id, listing.SellerId, listing.PublishedRevision, now));
        audit.Record(caller.Actor, listing.SellerId.Value, "product.submitted", Subject(listing), listing.Title);
        await db.SaveChangesAsync(cancellationToken);
        return await ProductAsync(listing, cancellationToken);
    }

    public async Task<ProductDto> ApproveAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await LoadForOperatorAsync(id, caller, cancellationToken);
        ListingLifecycle.Next(listing.Status, ListingAction.Approve);
        var now = clock.GetUtcNow();
        var plans = await db.Set<Plan>().Where(p => p.ProductId == id).ToListAsync(cancellationToken);
        var published = await db.Set<PlanVersion>().Where(v => v.ProductId == id).ToListAsync(cancellationToken);
        foreach (var plan in plans.Where(p => p.HasDraftChanges))
        {
            var version = plan.Publish(now);
            db.Add(version);
            published.Add(version);
        }

        var current = plans.Select(p => published.Single(v => v.PlanId == p.Id && v.Version == p.PublishedVersion).Definition()).ToList();
        var revision = listing.Approve(CatalogJson.Content(listing.Draft()), CatalogJson.Serialize(PricingSummary.Of(current)), caller.Actor, now);
        db.Add(revision);
        outbox.Add(new ProductPublished(listing.Id, listing.SellerId, revision.Number, listing.Slug, now));
        audit.Record(caller.Actor, listing.SellerId.Value, "product.approved", Subject(listing), $"revision {revision.Number}");
        await db.SaveChangesAsync(cancellationToken);
        return await ProductAsync(listing, cancellationToken);
    }

    public async Task<ProductDto> RejectAsync(ProductId id, string reason, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await LoadForOperatorAsync(id, caller, cancellationToken);
        var why = RequireReason(reason);
        var now = clock.GetUtcNow();
        listing.Reject(why, now);
        outbox.Add(new ProductRejected(listing.Id, listing.SellerId, why, now));
        audit.Record(caller.Actor, listing.SellerId.Value, "product.rejected", Subject(listing), why);
        await db.SaveChangesAsync(cancellationToken);
        return await ProductAsync(listing, cancellationToken);
    }

    public async Task<ProductDto> RestrictAsync(ProductId id, string reason, CatalogCaller caller, CancellationToken cancellationToken)
    {
        var listing = await LoadForOperatorAsync(id, caller, cancellationToken);
        var why = RequireReason(reason);
        var now = clock.GetUtcNow();
        listing.Restrict(why, now);
        outbox.Add(new ProductRestricted(listing.Id, listing.SellerId, why, now));
        audit.Record(caller.Actor, listing.SellerId.Value, "product.restricted", Subject(listing), why);
        await db.SaveChangesAsync(cancellationToken);
        return await ProductAsync(listing, cancellationToken);
    }

    public async Task<ProductDto> ArchiveAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var listing = caller.IsOperator ? await LoadForOperatorAsync(id, caller, cancellationToken) : await LoadOwnAsync(id, caller, cancellationToken);
        var wasPublished = listing.Listed;
        var now = clock.GetUtcNow();
        listing.Archive(now);
        outbox.Add(new ProductArchived(listing.Id, listing.SellerId, wasPublished, now));
        audit.Record(caller.Actor, listing.SellerId.Value, "product.archived", Subject(listing), listing.Title);
        await db.SaveChangesAsync(cancellationToken);
        return await ProductAsync(listing, cancellationToken);
    }

    private async Task<Listing> CreateAsync(ListingInput input, CatalogCaller caller, string sellerName, CancellationToken cancellationToken)
    {
        var content = ListingRules.Read(input, await CategoriesBySlugAsync(cancellationToken), null, new Dictionary<MediaId, MediaKind>());
        var now = clock.GetUtcNow();
        var listing = new Listing
        {
            Id = ProductId.New(clock),
            SellerId = caller.OrganisationId,
            SellerName = sellerName,
            Slug = await UniqueSlugAsync(Slug.From(content.Title), cancellationToken),
            Title = "",
            ShortDescription = "",
            LongDescription = "",
            Status = ListingStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            ChangedAt = now,
        };
        listing.Edit(content, now);
        db.Add(listing);
        return listing;
    }

    private static string RequireReason(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        new Validation().Require(trimmed.Length is >= 3 and <= 2000, "reason", "Give the seller a reason (3 to 2,000 characters).").ThrowIfInvalid();
        return trimmed;
    }

    // Another seller's product answers "not found", never "forbidden": its existence is not the caller's business.
    private async Task<Listing> LoadOwnAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await db.Set<Listing>().Include(l => l.Categories)
                .SingleOrDefaultAsync(l => l.Id == id && l.SellerId == caller.OrganisationId, cancellationToken)
            ?? throw NotFound(id);
    }

    private async Task<Listing> LoadForOperatorAsync(ProductId id, CatalogCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperator)
        {
            throw new DomainException("operator-only", "Only the operator reviews products.", DomainErrorKind.Forbidden);
        }

        return await db.Set<Listing>().Include(l => l.Categories).SingleOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw NotFound(id);
    }

    private static DomainException NotFound(ProductId id) => new("product-not-found", $"Product {id} does not exist.", DomainErrorKind.NotFound);

    private static string Subject(Listing listing) => $"product:{listing.Id}";

    private async Task<ProductDto> ProductAsync(Listing listing, CancellationToken cancellationToken)
    {
        ListingContent? published = null;
        if (listing.PublishedRevision is { } number)
        {
            var json = await db.Set<ListingRevision>().Where(r => r.ProductId == listing.Id && r.Number == number).Select(r => r.ContentJson).SingleAsync(cancellationToken);
            published = CatalogJson.Content(json);
        }

        return (await ViewsAsync(cancellationToken)).Product(listing, published);
    }

    private async Task<ListingViews> ViewsAsync(CancellationToken cancellationToken) =>
        new(await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken));

    private async Task<Dictionary<string, CategoryId>> CategoriesBySlugAsync(CancellationToken cancellationToken) =>
        await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.Ordinal, cancellationToken);

    private async Task<string> UniqueSlugAsync(string baseSlug, CancellationToken cancellationToken)
    {
        baseSlug = baseSlug.Length == 0 ? "product" : baseSlug;
        var slug = baseSlug;
        for (var n = 2; await db.Set<Listing>().AnyAsync(l => l.Slug == slug, cancellationToken); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }
}
