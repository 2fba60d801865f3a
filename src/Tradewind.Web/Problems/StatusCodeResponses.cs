namespace Tradewind.Web.Problems;

/// <summary>
/// Bodiless error statuses (unknown route, 401, 403, 405 …) get a body: problem details for the API and for
/// clients that do not ask for HTML, a friendly page (<c>/error</c>) for browsers.
/// </summary>
internal static class StatusCodeResponses
{
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static bool WantsPage(HttpRequest request) =>
        !IsApiRequest(request) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseStatusCodeResponses(this IApplicationBuilder app)
    {
        app.UseWhen(context => WantsPage(context.Request), branch => branch.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseWhen(context => !WantsPage(context.Request), branch => branch.UseStatusCodePages());
        return app;
    }
}
