using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Products;

/// <summary>
/// A plan's draft terms at <c>/seller/products/{id}/plans/new</c> and <c>…/plans/{planId}</c>, without JavaScript: "Add tier
/// row" and "Add dimension" are submit buttons that re-render the form with one more row. The Catalog checks the terms.
/// </summary>
internal sealed partial class PlanModel(ICatalogQueries queries, ICatalogCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public static IReadOnlyList<int> TermMonthsChoices { get; } = [1, 12, 24, 36];

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public ProductDto Product { get; private set; } = null!;

    public PlanDto? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string planId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, planId, cancellationToken))
        {
            return NotFound();
        }

        Form = Plan is null ? PlanForm.Blank() : PlanForm.From(Plan.DraftTerms);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string planId, string? command, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, planId, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (command is { } a && a.StartsWith("add-tier:", StringComparison.Ordinal)
            && int.TryParse(a["add-tier:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < Form.Dimensions.Count)
        {
            Form.Dimensions[index].Tiers.Add(new TierForm());
            return Page();
        }

        if (command == "add-dimension")
        {
            Form.Dimensions.Add(DimensionForm.Blank());
            return Page();
        }

        var (terms, map) = Form.ToTerms(ModelState, localizer);
        if (terms is null)
        {
            return Page();
        }

        try
        {
            if (Plan is null)
            {
                await commands.CreatePlanAsync(Product.Id, terms, User.CatalogCaller(), cancellationToken);
            }
            else
            {
                await commands.UpdatePlanAsync(Product.Id, Plan.Id, terms, User.CatalogCaller(), cancellationToken);
            }
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, map);
            return Page();
        }

        TempData[nameof(EditModel.StatusMessage)] = localizer["Plan “{0}” is saved.", terms.Name].Value;
        return Redirect($"/seller/products/{Product.Id}");
    }

    private async Task<bool> LoadAsync(string id, string planId, CancellationToken cancellationToken)
    {
        if (!ProductId.TryParse(id, out var productId)
            || await queries.FindProductAsync(productId, User.CatalogCaller(), cancellationToken) is not { } product)
        {
            return false;
        }

        Product = product;
        if (string.Equals(planId, "new", StringComparison.Ordinal))
        {
            return true;
        }

        var plans = await queries.ListPlansAsync(productId, User.CatalogCaller(), cancellationToken) ?? [];
        Plan = plans.FirstOrDefault(p => string.Equals(p.Id.ToString(), planId, StringComparison.OrdinalIgnoreCase));
        return Plan is not null;
    }

    [GeneratedRegex(@"^(freeTrial\.quotas|freeTier|contract\.entitlements)\[(\d+)\]", RegexOptions.CultureInvariant)]
    internal static partial Regex ListedByDimension();

    [GeneratedRegex(@"^dimensions\[(\d+)\](?:\.price)?(.*)$", RegexOptions.CultureInvariant)]
    internal static partial Regex DimensionKey();
}

internal sealed class PlanForm
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary><c>usage</c> or <c>contract</c>.</summary>
    public string? Kind { get; set; } = "usage";

    public string? TrialDays { get; set; }

    public List<DimensionForm> Dimensions { get; set; } = [];

    public int TermMonths { get; set; } = 12;

    public string? ContractPrice { get; set; }

    public string? Installments { get; set; } = "1";

    public bool Overage { get; set; }

    public static PlanForm Blank() => new() { Dimensions = [DimensionForm.Blank()] };

    public static PlanForm From(PlanTerms terms)
    {
        var form = new PlanForm
        {
            Name = terms.Name,
            Description = terms.Description,
            Kind = terms.Contract is null ? "usage" : "contract",
            TrialDays = terms.FreeTrial?.Days.ToString(CultureInfo.InvariantCulture),
            TermMonths = terms.Contract?.TermMonths ?? 12,
            ContractPrice = terms.Contract?.Price,
            Installments = (terms.Contract?.Installments ?? 1).ToString(CultureInfo.InvariantCulture),
            Overage = terms.Contract?.Overage ?? false,
        };
        foreach (var d in terms.Dimensions ?? [])
        {
            var price = d.Price;
            var entitlement = terms.Contract?.Entitlements.FirstOrDefault(e => e.Dimension == d.Key);
            form.Dimensions.Add(new DimensionForm
            {
                Key = d.Key,
                Name = d.Name,
                Unit = d.Unit,
                Model = price?.Model.ToString() ?? nameof(PriceModelKind.PerUnit),
                UnitPrice = price?.UnitPrice,
                PackageSize = Text(price?.PackageSize),
                PackagePrice = price?.PackagePrice,
                Tiers = price?.Tiers?.Select(t => new TierForm { From = Text(t.From), UpTo = Text(t.UpTo), UnitPrice = t.UnitPrice }).ToList() ?? [new TierForm { From = "0" }],
                FreeUnits = Text(terms.FreeTier?.FirstOrDefault(f => f.Dimension == d.Key)?.UnitsPerMonth),
                TrialQuota = Text(terms.FreeTrial?.Quotas?.FirstOrDefault(q => q.Dimension == d.Key)?.Quantity),
                Included = Text(entitlement?.Quantity),
                Unlimited = entitlement?.Unlimited ?? false,
            });
        }

        if (form.Dimensions.Count == 0)
        {
            form.Dimensions.Add(DimensionForm.Blank());
        }

        return form;
    }

    /// <summary>
    /// The terms this form describes and how to map the Catalog's error keys back to its inputs; null terms (with errors
    /// added) when a number cannot be read. Empty dimension rows are ignored.
    /// </summary>
    public (PlanTerms? Terms, Func<string, string> Map) ToTerms(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        var ok = true;
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            modelState.AddModelError(field, localizer["Give a number, e.g. 1000 or 0.5."]);
            ok = false;
            return null;
        }

        var contract = Kind == "contract";
        var priced = !contract || Overage;
        var used = Dimensions.Select((d, i) => (d, i)).Where(x => !x.d.IsEmpty).ToList();
        var dimensionIndex = used.Select(x => x.i).ToList();
        var dimensions = new List<UsageDimension>();
        var freeTier = new List<FreeUnits>();
        var freeTierIndex = new List<int>();
        var quotas = new List<DimensionQuantity>();
        var quotaIndex = new List<int>();
        var entitlements = new List<Entitlement>();
        var entitlementIndex = new List<int>();
        foreach (var (d, i) in used)
        {
            var at = $"Form.Dimensions[{i}]";
            PriceModelTerms? price = null;
            if (priced && Enum.TryParse<PriceModelKind>(d.Model, out var model))
            {
                price = model switch
                {
                    PriceModelKind.PerUnit => new(model, UnitPrice: Blank(d.UnitPrice)),
                    PriceModelKind.Package => new(model, PackageSize: Number(d.PackageSize, $"{at}.PackageSize"), PackagePrice: Blank(d.PackagePrice)),
                    _ => new(model, Tiers: d.Tiers.Select((t, j) => (t, j)).Where(x => !x.t.IsEmpty)
                        .Select(x => new PriceTier(Number(x.t.From, $"{at}.Tiers[{x.j}].From") ?? 0, Number(x.t.UpTo, $"{at}.Tiers[{x.j}].UpTo"), x.t.UnitPrice?.Trim() ?? "")).ToList()),
                };
            }

            dimensions.Add(new UsageDimension(d.Key?.Trim() ?? "", d.Name?.Trim() ?? "", d.Unit?.Trim() ?? "", price));
            if (Number(d.FreeUnits, $"{at}.FreeUnits") is { } free)
            {
                freeTier.Add(new FreeUnits(d.Key?.Trim() ?? "", free));
                freeTierIndex.Add(i);
            }

            if (Number(d.TrialQuota, $"{at}.TrialQuota") is { } quota)
            {
                quotas.Add(new DimensionQuantity(d.Key?.Trim() ?? "", quota));
                quotaIndex.Add(i);
            }

            if (contract && (d.Unlimited || !string.IsNullOrWhiteSpace(d.Included)))
            {
                entitlements.Add(new Entitlement(d.Key?.Trim() ?? "", d.Unlimited ? null : Number(d.Included, $"{at}.Included"), d.Unlimited));
                entitlementIndex.Add(i);
            }
        }

        int? trialDays = null;
        if (!string.IsNullOrWhiteSpace(TrialDays))
        {
            if (int.TryParse(TrialDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                trialDays = days;
            }
            else
            {
                modelState.AddModelError("Form.TrialDays", localizer["Give a whole number of days."]);
                ok = false;
            }
        }

        var installments = 1;
        if (contract && !int.TryParse(Installments?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out installments))
        {
            modelState.AddModelError("Form.Installments", localizer["Give a whole number of installments."]);
            ok = false;
        }

        string Map(string key)
        {
            if (PlanModel.ListedByDimension().Match(key) is { Success: true } listed)
            {
                var position = int.Parse(listed.Groups[2].Value, CultureInfo.InvariantCulture);
                var (indexes, field) = listed.Groups[1].Value switch
                {
                    "freeTier" => (freeTierIndex, "FreeUnits"),
                    "freeTrial.quotas" => (quotaIndex, "TrialQuota"),
                    _ => (entitlementIndex, "Included"),
                };
                return position < indexes.Count ? $"Form.Dimensions[{indexes[position]}].{field}" : "";
            }

            if (PlanModel.DimensionKey().Match(key) is { Success: true } dimension)
            {
                var position = int.Parse(dimension.Groups[1].Value, CultureInfo.InvariantCulture);
                var rest = dimension.Groups[2].Value;
                var row = position < dimensionIndex.Count ? dimensionIndex[position] : 0;
                return $"Form.Dimensions[{row}]" + (rest.Length == 0 ? ".Key" : FieldErrors.Pascal(rest));
            }

            return key switch
            {
                "name" => "Form.Name",
                "description" => "Form.Description",
                "freeTrial.days" => "Form.TrialDays",
                "contract.termMonths" => "Form.TermMonths",
                "contract.price" => "Form.ContractPrice",
                "contract.installments" => "Form.Installments",
                "contract.overage" => "Form.Overage",
                "contract.entitlements" => "Form.Entitlements",
                "dimensions" or "freeTier" => "Form.Dimensions",
                _ => "",
            };
        }

        if (!ok)
        {
            return (null, Map);
        }

        var terms = new PlanTerms(
            Name?.Trim() ?? "",
            Blank(Description),
            trialDays is { } t ? new FreeTrialTerms(t, quotas) : null,
            freeTier,
            dimensions,
            contract ? new ContractTerms(TermMonths, ContractPrice?.Trim() ?? "", installments, Overage, entitlements) : null);
        return (terms, Map);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture);
}

internal sealed class DimensionForm
{
    public string? Key { get; set; }

    public string? Name { get; set; }

    public string? Unit { get; set; }

    /// <summary>A <see cref="PriceModelKind"/> name.</summary>
    public string? Model { get; set; } = nameof(PriceModelKind.PerUnit);

    public string? UnitPrice { get; set; }

    public string? PackageSize { get; set; }

    public string? PackagePrice { get; set; }

    public List<TierForm> Tiers { get; set; } = [];

    public string? FreeUnits { get; set; }

    public string? TrialQuota { get; set; }

    public string? Included { get; set; }

    public bool Unlimited { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Unit);

    public static DimensionForm Blank() => new() { Tiers = [new TierForm { From = "0" }] };
}

internal sealed class TierForm
{
    public string? From { get; set; }

    public string? UpTo { get; set; }

    public string? UnitPrice { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(UpTo) && string.IsNullOrWhiteSpace(UnitPrice) && (string.IsNullOrWhiteSpace(From) || From.Trim() == "0");
}
