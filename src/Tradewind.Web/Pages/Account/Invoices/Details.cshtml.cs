using Tradewind.Contracts.Billing;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Account.Invoices;

/// <summary>One invoice or credit note for its buyer: lines with how each usage amount was computed, tax per rate, totals and downloads.</summary>
internal sealed class DetailsModel(IBillingQueries billing, IInvoiceDocuments documents) : InvoicePageModel(billing, documents);
