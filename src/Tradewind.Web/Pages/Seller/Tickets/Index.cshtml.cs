using Tradewind.Contracts.Agreements;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Tickets;

internal sealed class IndexModel(IAgreementsQueries agreements) : TicketListPageModel(agreements);
