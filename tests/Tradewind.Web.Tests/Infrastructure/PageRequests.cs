using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Tests.Infrastructure;

/// <summary>Pages as a browser asks for them: with a language, and signed in with the cookie rather than an API key.</summary>
public static class PageRequests
{
    public const string Password = "Tradewind-test-2026";

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(
        this HttpClient client, string url, CancellationToken ct, string? acceptLanguage = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        var response = await client.SendAsync(request, ct);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(ct), ct);
        return (response, document);
    }

    public static string? Lang(this IHtmlDocument document) => document.DocumentElement.GetAttribute("lang");

    /// <summary>A person in <paramref name="tenant"/>'s organisation, optionally with a saved language.</summary>
    public static async Task<UserDto> CreatePersonAsync(this TradewindApp app, Tenant tenant, string email, string? language)
    {
        return await app.WithScopeAsync(async services =>
        {
            var accounts = services.GetRequiredService<IAccountsCommands>();
            var user = await accounts.CreateUserAsync(new NewUser(tenant.Organisation.Id, email, "Test Person", Password), "test", TestContext.Current.CancellationToken);
            if (language is not null)
            {
                await accounts.SetPreferredLanguageAsync(user.Id, language, "test", TestContext.Current.CancellationToken);
            }

            return user;
        });
    }

    /// <summary>A client holding the sign-in cookie of <paramref name="email"/>, signed in through the sign-in form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this TradewindApp app, string email, bool followRedirects = true, string prefix = "")
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        var (_, form) = await client.GetPageAsync(prefix + "/signin", ct);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync(prefix + "/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }), ct);
        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode is 302 or 303, $"Sign-in answered {response.StatusCode}.");
        return client;
    }
}
