namespace Tradewind.Web.Api;

internal static class AnalyticsCandidatesApi
{
    public static RouteGroupBuilder MapAnalyticsCandidatesApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
