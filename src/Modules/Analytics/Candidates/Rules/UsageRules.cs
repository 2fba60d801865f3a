using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Candidates.Rules;

/// <summary>U1: usage over the trailing 28 days ≥ 1.5 × the previous 28 days and ≥ the median paying customer's: +25.</summary>
internal static class UsageGrowthRule
{
    public const string Code = "U1";
    public const int Points = 25;
    public const decimal Growth = 1.5m;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        var trailingFrom = facts.Day.AddDays(-27);
        var previousFrom = facts.Day.AddDays(-55);
        PqlRuleOutcome? best = null;
        foreach (var dimension in facts.Usage.Select(u => u.Dimension).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var trailing = facts.Usage.Where(u => u.Dimension == dimension && u.Day >= trailingFrom && u.Day <= facts.Day).Sum(u => u.Quantity);
            var previous = facts.Usage.Where(u => u.Dimension == dimension && u.Day >= previousFrom && u.Day < trailingFrom).Sum(u => u.Quantity);
            if (trailing <= 0)
            {
                continue;
            }

            var grew = trailing >= Growth * previous;
            var growth = previous > 0
                ? $"{CandidateFacts.Number(decimal.Round(trailing / previous, 1, MidpointRounding.AwayFromZero))}× over the last 28 days ({CandidateFacts.Number(trailing)} vs {CandidateFacts.Number(previous)} {dimension})"
                : $"from none to {CandidateFacts.Number(trailing)} {dimension} over the last 28 days";
            if (!facts.MedianPayingUsage.TryGetValue(dimension, out var median))
            {
                best ??= new PqlRuleOutcome(Code, 0, true, $"Usage {growth}, but no paying customer of the product to compare with.");
                continue;
            }

            if (grew && trailing >= median)
            {
                return new PqlRuleOutcome(Code, Points, true, $"Usage up {growth}, at or above the median paying customer's {CandidateFacts.Number(median)}.");
            }

            best ??= grew
                ? new PqlRuleOutcome(Code, 0, true, $"Usage up {growth}, below the median paying customer's {CandidateFacts.Number(median)}.")
                : new PqlRuleOutcome(Code, 0, true, $"Usage grew less than {CandidateFacts.Number(Growth)}× ({CandidateFacts.Number(trailing)} vs {CandidateFacts.Number(previous)} {dimension} over 28 days).");
        }

        return best ?? new PqlRuleOutcome(Code, 0, true, "No usage in the last 28 days.");
    }
}

/// <summary>U2: usage this period ≥ 80 % of a free-tier or trial quota on any dimension: +20; ≥ 100 %: +30.</summary>
internal static class QuotaRule
{
    public const string Code = "U2";
    public const int Nearing = 20;
    public const int Reached = 30;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        if (facts.Quotas.Count == 0)
        {
            return new PqlRuleOutcome(Code, 0, false, "Not applicable: the plan has no free tier or trial quota.");
        }

        var top = facts.Quotas.OrderByDescending(q => q.Percent).ThenBy(q => q.Dimension, StringComparer.Ordinal).First();
        var text = $"{CandidateFacts.Number(top.Percent)} % of the {top.Kind} on {top.Dimension} used ({CandidateFacts.Number(top.Used)} of {CandidateFacts.Number(top.Quota)})";
        return top.Percent switch
        {
            >= 100m => new PqlRuleOutcome(Code, Reached, true, $"Quota reached: {text}."),
            >= 80m => new PqlRuleOutcome(Code, Nearing, true, $"Nearing the quota: {text}."),
            _ => new PqlRuleOutcome(Code, 0, true, $"Below 80 % of the quota: {text}."),
        };
    }
}

/// <summary>U3: PAYG run-rate per month ≥ 70 % of the seller's smallest private-offer commitment per month: +25.</summary>
internal static class CommitmentSavesRule
{
    public const string Code = "U3";
    public const int Points = 25;
    public const decimal Share = 0.7m;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        if (facts.RunRatePerMonth is not { } runRate)
        {
            return new PqlRuleOutcome(Code, 0, false, "Not applicable: the plan has no usage prices.");
        }

        if (facts.SmallestCommitmentPerMonth is not { } tier || tier <= 0)
        {
            return new PqlRuleOutcome(Code, 0, false, $"Not applicable: no private-offer commitment tier in {facts.Currency} for this product (run-rate {CandidateFacts.Money(runRate, facts.Currency)} a month).");
        }

        var pct = decimal.Round(runRate * 100m / tier, 0, MidpointRounding.AwayFromZero);
        var text = $"run-rate {CandidateFacts.Money(runRate, facts.Currency)} a month is {CandidateFacts.Number(pct)} % of the smallest commitment, {CandidateFacts.Money(tier, facts.Currency)} a month";
        return runRate >= Share * tier
            ? new PqlRuleOutcome(Code, Points, true, $"A commitment would save money: {text}.")
            : new PqlRuleOutcome(Code, 0, true, $"Below 70 % of a commitment: {text}.");
    }
}

/// <summary>
/// E1: a usage dimension first used in the last 14 days (the account used another one before), or for a seats/users
/// dimension ≥ 3 more at the peak of the last 14 days than of the 14 before: +15.
/// </summary>
internal static class ExpansionRule
{
    public const string Code = "E1";
    public const int Points = 15;
    public const int NewSeats = 3;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        var windowStart = facts.Day.AddDays(-13);
        var firstEver = facts.FirstUseByDimension.Count == 0 ? (DateOnly?)null : facts.FirstUseByDimension.Values.Min();
        var newDimension = facts.FirstUseByDimension
            .Where(d => d.Value >= windowStart && d.Value <= facts.Day && firstEver < d.Value)
            .OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => d.Key)
            .FirstOrDefault();
        if (newDimension is not null)
        {
            return new PqlRuleOutcome(Code, Points, true, $"Started using {newDimension} on {facts.FirstUseByDimension[newDimension]:yyyy-MM-dd}, in the last 14 days.");
        }

        foreach (var seats in facts.Usage.Select(u => u.Dimension).Distinct(StringComparer.Ordinal).Where(IsSeats).Order(StringComparer.Ordinal))
        {
            var recent = facts.Usage.Where(u => u.Dimension == seats && u.Day >= windowStart && u.Day <= facts.Day).Select(u => u.Quantity).DefaultIfEmpty(0).Max();
            var before = facts.Usage.Where(u => u.Dimension == seats && u.Day >= windowStart.AddDays(-14) && u.Day < windowStart).Select(u => u.Quantity).DefaultIfEmpty(0).Max();
            if (recent - before >= NewSeats)
            {
                return new PqlRuleOutcome(Code, Points, true, $"{CandidateFacts.Number(recent - before)} new {seats} in 14 days ({CandidateFacts.Number(before)} → {CandidateFacts.Number(recent)}).");
            }
        }

        return new PqlRuleOutcome(Code, 0, true, "No new dimension and fewer than 3 new seats in the last 14 days.");
    }

    /// <summary>A dimension that counts people: its key names seats or users.</summary>
    public static bool IsSeats(string dimension) =>
        dimension.Contains("seat", StringComparison.OrdinalIgnoreCase) || dimension.Contains("user", StringComparison.OrdinalIgnoreCase);
}

/// <summary>D1: no usage for ≥ 14 days (counted from the agreement's start when never used): −20.</summary>
internal static class DecayRule
{
    public const string Code = "D1";
    public const int Points = -20;
    public const int Days = 14;

    public static PqlRuleOutcome Evaluate(CandidateFacts facts)
    {
        if (facts.LastUsageDay is { } last)
        {
            var idle = facts.Day.DayNumber - last.DayNumber;
            return idle >= Days
                ? new PqlRuleOutcome(Code, Points, true, $"No usage for {idle} days (last on {last:yyyy-MM-dd}).")
                : new PqlRuleOutcome(Code, 0, true, $"Last usage {idle} days ago ({last:yyyy-MM-dd}).");
        }

        var age = facts.Day.DayNumber - facts.AgreementStart.DayNumber;
        return age >= Days
            ? new PqlRuleOutcome(Code, Points, true, $"No usage in the {age} days since subscribing.")
            : new PqlRuleOutcome(Code, 0, true, $"No usage yet; subscribed {age} days ago.");
    }
}
