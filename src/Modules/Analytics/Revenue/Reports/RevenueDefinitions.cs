using Tradewind.Contracts.Analytics;

namespace Tradewind.Analytics.Revenue.Reports;

/// <summary>
/// The definitions printed beside every revenue figure (spec plg-and-localization §1.2.4 and §1.2.3). Month M is
/// the period [t0, t1) = [start of M, start of M + 1) in UTC; S = the customers paying at t0; a customer is a buyer
/// organisation per seller and currency.
/// </summary>
internal static class RevenueDefinitions
{
    public static readonly MetricDefinition Mrr = new("mrr", "MRR", "Sum over paid agreements in force at t1 of the recurring price normalised to one month (contract price ÷ term months, discounts applied, tax excluded), plus PAYG: net usage billed for the last complete calendar month before t1. Trials and free tiers are 0.");
    public static readonly MetricDefinition Arr = new("arr", "ARR", "12 × MRR at t1.");
    public static readonly MetricDefinition NewBusiness = new("new_business", "New business MRR", "MRR at t1 of customers paying for the first time (0 at t0, never paid before).");
    public static readonly MetricDefinition Expansion = new("expansion", "Expansion MRR", "Increase of MRR from t0 to t1 of customers paying at both.");
    public static readonly MetricDefinition Contraction = new("contraction", "Contraction MRR", "Decrease of MRR from t0 to t1 of customers still paying at t1.");
    public static readonly MetricDefinition Churn = new("churn", "Churned MRR", "MRR at t0 of customers paying then and not at t1 (their last paid agreement ended).");
    public static readonly MetricDefinition Reactivation = new("reactivation", "Reactivation MRR", "MRR at t1 of customers who had paid before t0, were not paying at t0, and pay again.");
    public static readonly MetricDefinition NetNew = new("net_new_mrr", "Net new MRR", "New + Expansion + Reactivation − Contraction − Churn (= MRR(t1) − MRR(t0)).");
    public static readonly MetricDefinition GrossChurn = new("gross_mrr_churn_rate", "Gross MRR churn rate", "(Churn + Contraction) ÷ MRR(t0).");
    public static readonly MetricDefinition NetChurn = new("net_mrr_churn_rate", "Net MRR churn rate", "(Churn + Contraction − Expansion − Reactivation) ÷ MRR(t0); negative is good.");
    public static readonly MetricDefinition Nrr = new("nrr", "NRR (monthly)", "MRR_S(t1) ÷ MRR_S(t0), S = customers paying at t0; new customers and reactivations outside S excluded.");
    public static readonly MetricDefinition Grr = new("grr", "GRR (monthly)", "(MRR_S(t0) − Contraction_S − Churn_S) ÷ MRR_S(t0), expansion ignored, so at most 100 %.");
    public static readonly MetricDefinition NrrT12m = new("nrr_t12m", "NRR (trailing 12 months)", "MRR_S(t1) ÷ MRR_S(t0) with t0 = t1 − 12 months, S = customers paying at t0.");
    public static readonly MetricDefinition GrrT12m = new("grr_t12m", "GRR (trailing 12 months)", "(MRR_S(t0) − Contraction_S − Churn_S) ÷ MRR_S(t0) with t0 = t1 − 12 months, each customer compared at both ends; at most 100 %.");
    public static readonly MetricDefinition LogoChurn = new("logo_churn_rate", "Customer (logo) churn rate", "Customers of S with MRR 0 at t1 ÷ |S|.");
    public static readonly MetricDefinition AcquiredAndLost = new("acquired_and_lost_t12m", "Acquired and lost (trailing 12 months)", "Customers not paying at t1 − 12 months who paid at a month start inside the 12 months and not at t1; outside the logo-churn denominator.");
    public static readonly MetricDefinition QuickRatio = new("quick_ratio", "Quick ratio", "(New + Expansion + Reactivation) ÷ (Churn + Contraction); undefined when nothing was lost.");
    public static readonly MetricDefinition Arpa = new("arpa", "ARPA", "MRR at t1 ÷ customers paying at t1.");
    public static readonly MetricDefinition PayingCustomers = new("paying_customers", "Paying customers", "Customers with MRR > 0 at t1.");
    public static readonly MetricDefinition ContractedArr = new("contracted_arr", "Contracted ARR (private offers)", "Sum over private-offer agreements in force at t1 of total contract value ÷ contract years.");
    public static readonly MetricDefinition CohortRetention = new("revenue_retention_cohort", "Revenue retention by month of first payment", "MRR of cohort C at the end of month k ÷ its MRR at the end of its first paid month (k = 0); cohort = month whose closing MRR is the customer's first above 0.");

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        Mrr, Arr, NewBusiness, Expansion, Contraction, Churn, Reactivation, NetNew, GrossChurn, NetChurn, Nrr, Grr, NrrT12m, GrrT12m,
        LogoChurn, AcquiredAndLost, QuickRatio, Arpa, PayingCustomers, ContractedArr,
    ];
}
