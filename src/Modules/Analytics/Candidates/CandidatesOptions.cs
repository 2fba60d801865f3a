namespace Tradewind.Analytics.Candidates;

/// <summary>Settings under <c>Analytics:Candidates</c>.</summary>
internal sealed class CandidatesOptions
{
    public const string Section = "Analytics:Candidates";

    /// <summary>The score from which an account is a PQL.</summary>
    public int Threshold { get; set; } = Rules.PqlScoring.DefaultThreshold;

    /// <summary>Whether the hosted job scores yesterday (off in tests, which call the evaluator).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>How often the job re-scores yesterday (idempotent: the day's scores are replaced).</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(1);
}
