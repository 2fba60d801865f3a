using Microsoft.Extensions.DependencyInjection;

namespace Tradewind.Analytics.Candidates;

internal static class UpgradeCandidatesRegistration
{
    /// <summary>The daily PQL scores of buyer organisations per product.</summary>
    public static IServiceCollection AddUpgradeCandidates(this IServiceCollection services)
    {
        return services;
    }
}
