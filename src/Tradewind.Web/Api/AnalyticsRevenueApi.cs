namespace Tradewind.Web.Api;

internal static class AnalyticsRevenueApi
{
    public static RouteGroupBuilder MapAnalyticsRevenueApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
