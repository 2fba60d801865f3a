namespace Tradewind.Web.Api;

internal static class AnalyticsLifecycleApi
{
    public static RouteGroupBuilder MapAnalyticsLifecycleApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
