using Microsoft.AspNetCore.Http.HttpResults;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Money;

namespace Tradewind.Web.Api;

/// <summary>Public reference data: ISO 4217 currencies and ISO 3166 countries with the subdivisions tax needs.</summary>
internal static class ReferenceDataApi
{
    private const string CacheForADay = "public, max-age=86400";

    public static RouteGroupBuilder MapReferenceDataApi(this RouteGroupBuilder api)
    {
        api.MapGet("/currencies", ListCurrencies).WithTags("Reference data").WithSummary("ISO 4217 currencies with their minor units").AllowAnonymous();
        api.MapGet("/countries", ListCountries).WithTags("Reference data").WithSummary("ISO 3166-1 countries with tax-relevant subdivisions").AllowAnonymous();
        api.MapGet("/countries/{code}", GetCountry).WithTags("Reference data").WithSummary("One country by its alpha-2 code").AllowAnonymous();
        return api;
    }

    public sealed record CurrencyResponse(string Code, string Name, int MinorUnits, int NumericCode);

    public sealed record SubdivisionResponse(string Code, string Name, string Category);

    public sealed record CountryResponse(string Code, string Alpha3, int NumericCode, string Name, IReadOnlyList<SubdivisionResponse> Subdivisions);

    private static Ok<List<CurrencyResponse>> ListCurrencies(HttpContext context)
    {
        context.Response.Headers.CacheControl = CacheForADay;
        return TypedResults.Ok(Currency.All.Select(c => new CurrencyResponse(c.Code, c.Name, c.MinorUnits, c.NumericCode)).ToList());
    }

    private static Ok<List<CountryResponse>> ListCountries(HttpContext context)
    {
        context.Response.Headers.CacheControl = CacheForADay;
        return TypedResults.Ok(Countries.All.Select(ToResponse).ToList());
    }

    private static Results<Ok<CountryResponse>, ProblemHttpResult> GetCountry(string code, HttpContext context)
    {
        if (!Country.TryFromCode(code?.ToUpperInvariant(), out var country))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"'{code}' is not an ISO 3166-1 alpha-2 country code.",
                type: Problems.ProblemDetailsDefaults.TypeBase + "country-not-found");
        }

        context.Response.Headers.CacheControl = CacheForADay;
        return TypedResults.Ok(ToResponse(country));
    }

    private static CountryResponse ToResponse(Country country) => new(
        country.Code.ToString(),
        country.Alpha3,
        country.NumericCode,
        country.Name,
        country.Subdivisions.Select(s => new SubdivisionResponse(s.Code.ToString(), s.Name, s.Category)).ToList());
}
