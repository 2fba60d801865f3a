namespace Tradewind.Web.Api;

internal static class AnalyticsTrafficApi
{
    public static RouteGroupBuilder MapAnalyticsTrafficApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
