using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Tradewind.Accounts;
using Tradewind.Agreements;
using Tradewind.Analytics;
using Tradewind.Billing;
using Tradewind.Catalog;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Contracts.Localization;
using Tradewind.Contracts.Payments;
using Tradewind.Localization;
using Tradewind.Metering;
using Tradewind.Payments;
using Tradewind.Persistence;
using Tradewind.Tax;
using Tradewind.Web.Analytics;
using Tradewind.Web.Api;
using Tradewind.Web.AwsApi;
using Tradewind.Web.Caching;
using Tradewind.Web.Cultures;
using Tradewind.Web.Demo;
using Tradewind.Web.Idempotency;
using Tradewind.Web.Legal;
using Tradewind.Web.Notifications;
using Tradewind.Web.Problems;
using Tradewind.Web.Security;
using Tradewind.Webhooks;

namespace Tradewind.Web.Hosting;

/// <summary>Everything the web host wires up, in one place, in the order it runs.</summary>
internal static class TradewindHost
{
    public static WebApplicationBuilder AddTradewind(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (configuration.GetValue<bool>("Demo:Seed"))
        {
            // The demo seed sets this clock back while it creates three months of history (see DemoSeeder.Usage.cs).
            services.AddSingleton(new DemoClock(TimeProvider.System));
            services.AddSingleton<TimeProvider>(s => s.GetRequiredService<DemoClock>());
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }
        services.AddTradewindPersistence(configuration, builder.Environment.ContentRootPath);
        // Keys in the database: a cookie issued by one node is read by every other, and survives restarts.
        services.AddDataProtection().SetApplicationName("Tradewind").PersistKeysToDbContext<TradewindDbContext>();
        services.AddAccountsModule();
        services.AddAgreementsModule();
        services.AddCatalogModule();
        services.AddLocalizationModule();
        services.AddPaymentsModule();
        services.AddWebhooksModule();
        services.AddTaxModule();
        services.AddMeteringModule();
        services.AddBillingModule();
        services.AddAnalyticsModule();

        AddSecurity(services);
        AddProblemDetails(services);
        AddApi(services);
        AddPages(services, configuration);
        AddTelemetry(builder);

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<CultureHealthCheck>("cultures");
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AwsRequestAuthenticator>();
        services.AddScoped<AwsOperationRegistry>();
        services.AddSingleton<Rendering.SellerMarkdown>();
        services.AddSingleton<IStandardContractTexts, StandardContractTexts>();
        services.AddScoped<RecipientCultures>();
        services.AddOutputCache(StorefrontOutputCache.Configure);
        services.AddScoped<IIntegrationEventConsumer<ProductPublished>, StorefrontCacheEviction>();
        services.AddScoped<IIntegrationEventConsumer<ProductRestricted>, StorefrontCacheEviction>();
        services.AddScoped<IIntegrationEventConsumer<ProductArchived>, StorefrontCacheEviction>();
        services.AddScoped<IIntegrationEventConsumer<ListingTranslationsChanged>, StorefrontCacheEviction>();
        AddBuyerNotifications(services, configuration);
        return builder;
    }

    public static WebApplication UseTradewind(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Before everything that reads the path: "/ja/products/x" is routed, re-executed and linked as "/products/x".
        app.UseMiddleware<CulturePrefixMiddleware>();
        app.UseExceptionHandler("/error");
        app.UseStatusCodeResponses();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: a signed-in person's saved language outranks the URL, the cookie and the browser.
        app.UseRequestLocalization();
        app.UseAuthorization();
        // In front of the output cache, so a listing view is recorded for every request a cached page answers too.
        app.UseMiddleware<ListingViewCaptureMiddleware>();
        app.UseOutputCache();
        app.UseMiddleware<IdempotencyMiddleware>();
        // Inside the idempotency middleware too, so a refused write's problem response is stored and replayed.
        app.UseExceptionHandler("/error");
        app.UseAntiforgery();

        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        // Liveness: the process answers, nothing else is checked. Plain text, so it is also the load-test baseline.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Tradewind API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();

        app.MapListingCapture();

        var api = app.MapGroup("/api/v1");
        api.MapReferenceDataApi();
        api.MapMeApi();
        api.MapOrganisationsApi();
        api.MapApiKeysApi();
        api.MapAwsAccessKeysApi();
        api.MapOperatorEntitiesApi();
        api.MapSellerEntitiesApi();
        api.MapBankAccountsApi();
        api.MapCatalogApi();
        api.MapExchangeRatesApi();
        api.MapTaxApi();
        api.MapProductsApi();
        api.MapPlansApi();
        api.MapMediaApi();
        api.MapReviewApi();
        app.MapMediaFiles();
        api.MapCatalogSearchApi();
        api.MapAgreementsApi();
        api.MapPrivateOffersApi();
        api.MapTicketsApi();
        api.MapWebhooksApi();
        api.MapTranslationsApi();
        api.MapUsageApi();
        api.MapBillingApi();
        api.MapLedgerApi();
        api.MapBankCollectionsApi();
        api.MapPaymentsApi();
        api.MapPayoutsApi();
        api.MapAnalyticsTrafficApi();
        api.MapAnalyticsLifecycleApi();
        api.MapAnalyticsRevenueApi();
        api.MapAnalyticsCandidatesApi();

        app.MapCultureSwitch();
        app.MapAwsApi();
        app.MapMeteringPublicKey();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Migrates, runs the modules' start-up tasks, and seeds the demo marketplace when asked to.</summary>
    public static async Task InitializeTradewindAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfRequestedAsync(app.Urls, cancellationToken);
    }

    /// <summary>Buyer notifications: the inbox copy and e-mails for agreement and invoice events (docs/notifications.md).</summary>
    private static void AddBuyerNotifications(IServiceCollection services, ConfigurationManager configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.AddScoped<NotificationTexts>();
        services.AddScoped<BuyerNotifier>();
        services.AddScoped<NotificationMail>();
        services.AddSingleton<NotificationEmailJob>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationEmailJob>());
        services.AddScoped<BuyerNotificationConsumers>();
        services.AddScoped<IIntegrationEventConsumer<AgreementCreated>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<TrialEndingReminderSent>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<TrialConverted>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<AgreementCancellationScheduled>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<AgreementCancelled>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<AgreementSuspended>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<AgreementReinstated>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<InvoiceFinalized>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<InvoicePaid>>(sp => sp.GetRequiredService<BuyerNotificationConsumers>());
        services.AddScoped<IIntegrationEventConsumer<DirectDebitScheduled>, DirectDebitNotificationConsumer>();
        services.AddScoped<IIntegrationEventConsumer<Contracts.Payments.InvoicePaymentOverdue>, PaymentOverdueNotifications>();
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ApiKeyAuthenticationHandler.SelectorScheme;
                options.DefaultAuthenticateScheme = ApiKeyAuthenticationHandler.SelectorScheme;
                options.DefaultChallengeScheme = ApiKeyAuthenticationHandler.SelectorScheme;
                options.DefaultForbidScheme = ApiKeyAuthenticationHandler.SelectorScheme;
            })
            .AddPolicyScheme(ApiKeyAuthenticationHandler.SelectorScheme, "API key or sign-in cookie", options =>
                options.ForwardDefaultSelector = context =>
                    ApiKeyAuthenticationHandler.HasBearerHeader(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, "API key", _ => { });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "tradewind.auth";
            // Cookies default to the request's path base, which holds a /{language} prefix (CulturePrefixMiddleware):
            // a sign-in under /ja/ must hold for every language.
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.AccessDeniedPath = "/access-denied";
            options.SlidingExpiration = true;
            // The API answers 401/403 as problem details; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator))
            .AddPolicy(Policies.Seller, p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller))
            .AddPolicy(Policies.Buyer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Buyer))
            .AddPolicy(ProductsApi.SellerOrOperator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Seller, Roles.Operator))
            .AddPolicy(BillingApi.BuyerOrOperator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Buyer, Roles.Operator));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "tradewind.csrf";
            options.Cookie.Path = "/";
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options => options.Cookie.Path = "/");
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (StatusCodeResponses.IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddProblemDetails(IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteOptions>(options => options.ConstraintMap["guid"] = typeof(NonEmptyGuidRouteConstraint));
        // Bad JSON must reach the exception handler, which names the offending field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }

    private static void AddApi(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            ConfigureJson(options.SerializerOptions);
            // The usage batch is the hot path: its types come from generated metadata, everything else by reflection.
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, UsageJsonContext.Default);
        });
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<OpenApiDocumentDescription>());
    }

    internal static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
    }

    private static void AddPages(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Seller", Policies.Seller);
                options.Conventions.AuthorizeFolder("/Operator", Policies.Operator);
                options.Conventions.AuthorizeFolder("/Account", Policies.Buyer);
                options.Conventions.AuthorizeFolder("/Settings");
                foreach (var page in StorefrontOutputCache.Pages)
                {
                    options.Conventions.AddPageApplicationModelConvention(page, model =>
                        model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = StorefrontOutputCache.PolicyName }));
                }
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        var uiCultures = configuration.GetSection("Localization:UiCultures").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : CultureChoice.DefaultUiLanguages;
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Language (UI) and formatting are kept apart: neutral UI cultures, specific formatting cultures
            // (docs/localization.md).
            options.DefaultRequestCulture = new RequestCulture(CultureChoice.FormattingCulture(uiCultures[0], null).Name, uiCultures[0]);
            options.SupportedUICultures = uiCultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.SupportedCultures = CultureChoice.FormattingCultures(uiCultures, SupportedLanguages.FormattingCultures);
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = CultureProviders.InOrder(options);
        });
    }

    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tradewind-web"))
            .WithTracing(tracing => tracing
                .AddSource(TradewindTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(TradewindTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        // Export only when a collector is configured (the standard OTEL_* variables); otherwise stay silent.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }
}
