using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class UnhandledErrorTests(UnhandledErrorTests.AppWithAFault app) : IClassFixture<UnhandledErrorTests.AppWithAFault>
{
    private const string Secret = "connection string with password=hunter2";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unexpected_failure_in_the_api_is_a_500_problem_that_reveals_nothing_internal()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/fault", _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
        Assert.DoesNotContain("hunter2", problem.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task A_browser_gets_the_friendly_error_page_with_status_500()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fault");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await app.CreateClient().SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(_ct);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
    }

    public sealed class AppWithAFault : TradewindApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FaultFilter>());
        }
    }

    private sealed class FaultFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate inner) =>
                context.Request.Path.Value is "/api/v1/fault" or "/fault" ? throw new InvalidOperationException(Secret) : inner(context));
        };
    }
}
