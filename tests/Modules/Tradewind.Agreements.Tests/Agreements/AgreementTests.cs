using Tradewind.Agreements.Agreements;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;

namespace Tradewind.Agreements.Tests.Agreements;

public sealed class AgreementTests
{
    private static readonly DateTimeOffset Start = Plans.Start;

    [Fact]
    public void A_plan_without_a_trial_is_active_at_once_for_a_month_anchored_at_acceptance()
    {
        var agreement = Plans.Accept(Plans.Usage());

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Equal(Start, agreement.BillingAnchor);
        Assert.Equal((Start, new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero)), (agreement.PeriodStart!.Value, agreement.PeriodEnd!.Value));
        var entitlement = Assert.Single(agreement.Entitlements);
        Assert.True(entitlement.Unlimited);
        Assert.Equal(Start, entitlement.ValidFrom);
        Assert.Null(entitlement.ValidTo);
    }

    [Fact]
    public void A_trial_converts_to_paid_on_its_end_date_and_its_quota_gives_way_to_the_paid_entitlement()
    {
        var agreement = Plans.Accept(Plans.Trial(14, quota: 10_000));
        var end = Start.AddDays(14);

        Assert.Equal(AgreementStatus.Trial, agreement.Status);
        Assert.Equal(end, agreement.TrialEndsAt);
        Assert.Null(agreement.ConvertTrialIfEnded(end.AddTicks(-1), Plans.Trial(14)));

        Assert.Equal(Transition.TrialConverted, agreement.ConvertTrialIfEnded(end.AddHours(5), Plans.Trial(14)));

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Equal(end, agreement.BillingAnchor);
        Assert.Equal(end, agreement.PeriodStart);
        var quota = agreement.Entitlements.Single(e => e.IsTrialQuota);
        Assert.Equal((10_000m, Start, end), (quota.Quantity!.Value, quota.ValidFrom, quota.ValidTo!.Value));
        var paid = agreement.Entitlements.Single(e => !e.IsTrialQuota);
        Assert.True(paid.Unlimited);
        Assert.Equal(end, paid.ValidFrom);
        Assert.False(paid.IsValidAt(end.AddTicks(-1)));
        Assert.True(quota.IsValidAt(end.AddTicks(-1)));
        Assert.True(paid.IsValidAt(end));
        Assert.False(quota.IsValidAt(end));
    }

    [Fact]
    public void A_buyer_who_had_the_trial_starts_paid_when_resubscribing()
    {
        var agreement = Plans.Accept(Plans.Trial(14), trialAllowed: false);

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Null(agreement.TrialEndsAt);
    }

    [Fact]
    public void A_trial_cancelled_for_its_end_ends_then_and_never_converts()
    {
        var agreement = Plans.Accept(Plans.Trial(30));
        var end = Start.AddDays(30);

        Assert.Equal(Transition.CancellationScheduled, agreement.Cancel(CancellationTiming.EndOfPeriod, Start.AddDays(3)));
        Assert.Equal((AgreementStatus.CancelPending, end), (agreement.Status, agreement.CancelAt!.Value));
        Assert.Null(agreement.ConvertTrialIfEnded(end.AddDays(1), Plans.Trial(30)));

        Assert.Equal(Transition.Cancelled, agreement.ApplyScheduledCancellation(end.AddMinutes(3)));

        Assert.Equal(AgreementStatus.Cancelled, agreement.Status);
        Assert.Equal(end, agreement.EndedAt);
        Assert.All(agreement.Entitlements, e => Assert.Equal(end, e.ValidTo));
    }

    [Fact]
    public void Cancelling_an_active_agreement_at_period_end_keeps_it_until_then_and_can_be_withdrawn()
    {
        var agreement = Plans.Accept(Plans.Usage());

        agreement.Cancel(CancellationTiming.EndOfPeriod, Start.AddDays(10));
        Assert.Equal(agreement.PeriodEnd, agreement.CancelAt);
        Assert.Equal(Transition.CancellationWithdrawn, agreement.Resume());

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Null(agreement.CancelAt);
    }

    [Fact]
    public void Cancelling_immediately_ends_every_entitlement_now_and_a_second_cancel_is_refused()
    {
        var agreement = Plans.Accept(Plans.Trial(14, quota: 100));
        var now = Start.AddDays(2);

        agreement.Cancel(CancellationTiming.Immediately, now);

        Assert.Equal(AgreementStatus.Cancelled, agreement.Status);
        Assert.All(agreement.Entitlements, e => Assert.False(e.IsValidAt(now)));
        Assert.Equal("agreement-ended", Assert.Throws<DomainException>(() => agreement.Cancel(CancellationTiming.Immediately, now)).Code);
    }

    [Fact]
    public void Suspension_remembers_the_status_and_reinstatement_returns_to_it()
    {
        var agreement = Plans.Accept(Plans.Trial(14));

        agreement.Suspend("Abuse report 4711");
        Assert.Equal((AgreementStatus.Suspended, "Abuse report 4711"), (agreement.Status, agreement.SuspensionReason));
        Assert.Null(agreement.ConvertTrialIfEnded(Start.AddDays(20), Plans.Trial(14)));
        Assert.Equal("agreement-not-suspendable", Assert.Throws<DomainException>(() => agreement.Suspend("again")).Code);

        agreement.Reinstate();

        Assert.Equal(AgreementStatus.Trial, agreement.Status);
        Assert.Null(agreement.SuspensionReason);
        Assert.Equal("agreement-not-suspended", Assert.Throws<DomainException>(() => agreement.Reinstate()).Code);
    }

    [Fact]
    public void A_contract_runs_its_term_its_entitlements_end_with_it_and_then_it_expires()
    {
        var agreement = Plans.Accept(Plans.Contract(12));
        var end = Start.AddMonths(12);

        Assert.Equal(end, agreement.ContractEndsAt);
        var included = Assert.Single(agreement.Entitlements);
        Assert.Equal((1_000_000m, end), (included.Quantity!.Value, included.ValidTo!.Value));
        Assert.Null(agreement.ExpireIfContractEnded(end.AddTicks(-1)));

        Assert.Equal(Transition.Expired, agreement.ExpireIfContractEnded(end));
        Assert.Equal(AgreementStatus.Expired, agreement.Status);
    }

    [Fact]
    public void A_period_rolls_to_the_one_containing_now_skipping_missed_months_without_drift()
    {
        var agreement = Plans.Accept(Plans.Usage());

        Assert.False(agreement.RollPeriod(Start.AddDays(27)));
        Assert.True(agreement.RollPeriod(new DateTimeOffset(2026, 4, 15, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero), agreement.PeriodStart);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 10, 0, 0, TimeSpan.Zero), agreement.PeriodEnd);
    }

    [Fact]
    public void Statuses_have_snake_case_wire_names() =>
        Assert.Equal(
            ["trial", "active", "cancel_pending", "cancelled", "suspended", "expired", "replaced"],
            Enum.GetValues<AgreementStatus>().Select(Agreement.Wire));
}
