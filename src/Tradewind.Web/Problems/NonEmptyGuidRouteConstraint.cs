using System.Globalization;

namespace Tradewind.Web.Problems;

/// <summary>
/// The <c>guid</c> route constraint for every route: a GUID, but never the empty one. No Tradewind resource has the
/// empty GUID as its id (typed ids refuse it), so <c>/api/v1/payouts/00000000-0000-0000-0000-000000000000</c> matches no
/// route and is a plain 404 problem instead of an id that cannot be constructed.
/// </summary>
internal sealed class NonEmptyGuidRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(routeKey, out var value) || value is null)
        {
            return false;
        }

        return value is Guid guid
            ? guid != Guid.Empty
            : Guid.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var parsed) && parsed != Guid.Empty;
    }
}
