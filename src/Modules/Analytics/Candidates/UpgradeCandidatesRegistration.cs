using Microsoft.Extensions.DependencyInjection;
using Tradewind.Analytics.Candidates.Jobs;
using Tradewind.Contracts.Analytics;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Candidates;

internal static class UpgradeCandidatesRegistration
{
    /// <summary>The daily PQL scores of buyer organisations per product.</summary>
    public static IServiceCollection AddUpgradeCandidates(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, PqlScoresModel>();
        services.AddOptions<CandidatesOptions>().BindConfiguration(CandidatesOptions.Section);
        services.AddScoped<CandidateEvaluator>();
        services.AddScoped<IUpgradeCandidates, UpgradeCandidatesService>();
        services.AddSingleton<PqlScoringJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PqlScoringJob>());
        return services;
    }
}
