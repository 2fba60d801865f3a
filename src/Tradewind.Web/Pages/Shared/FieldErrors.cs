using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tradewind.Contracts;

namespace Tradewind.Web.Pages.Shared;

/// <summary>Puts the Catalog's validation errors (keyed like the REST API: <c>support.email</c>, <c>dimensions[0].price.tiers[1].from</c>) next to the form inputs.</summary>
internal static partial class FieldErrors
{
    /// <summary>Adds every error of <paramref name="exception"/> under the input name <paramref name="map"/> gives its key (empty: the form summary).</summary>
    public static void AddTo(ModelStateDictionary modelState, ValidationFailedException exception, Func<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(map);
        foreach (var (key, messages) in exception.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(map(key), message);
            }
        }
    }

    /// <summary>A refusal as one sentence for a page's error banner: every message of a validation failure, else the message.</summary>
    public static string Sentence(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is ValidationFailedException validation ? string.Join(" ", validation.Errors.SelectMany(e => e.Value)) : exception.Message;
    }

    /// <summary>Errors that belong to no input (shown in the form's summary).</summary>
    public static IEnumerable<string> Unplaced(ModelStateDictionary modelState) =>
        modelState is not null && modelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>"support.email" → "SupportEmail"-style Pascal-casing of each path segment, keeping indexes.</summary>
    public static string Pascal(string key) => Segment().Replace(key, m => m.Value.ToUpperInvariant());

    [GeneratedRegex(@"(?<=^|\.)[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
