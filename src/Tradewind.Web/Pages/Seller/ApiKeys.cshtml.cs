using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller;

internal sealed class ApiKeysModel(IAccountsQueries queries, IAccountsCommands commands, IStringLocalizer<SharedResource> localizer)
    : ApiKeysPageModel(queries, commands, localizer);
