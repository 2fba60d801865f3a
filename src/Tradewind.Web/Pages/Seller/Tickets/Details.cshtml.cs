using Tradewind.Contracts.Agreements;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Tickets;

internal sealed class DetailsModel(IAgreementsQueries agreements, IAgreementsCommands commands) : TicketPageModel(agreements, commands);
