using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Accounts;

/// <summary>Changes to the Accounts module; only the web host calls these.</summary>
public interface IAccountsCommands
{
    Task<OrganisationDto> CreateOrganisationAsync(NewOrganisation organisation, string actor, CancellationToken cancellationToken);

    /// <summary>Creates a person in an organisation; the role follows the organisation's kind.</summary>
    Task<UserDto> CreateUserAsync(NewUser user, string actor, CancellationToken cancellationToken);

    Task<OperatorEntityDto> CreateOperatorEntityAsync(NewOperatorEntity entity, string actor, CancellationToken cancellationToken);

    /// <summary>Issues a key acting for <paramref name="organisationId"/> in the organisation's role.</summary>
    Task<IssuedApiKey> IssueApiKeyAsync(OrganisationId organisationId, string name, string actor, CancellationToken cancellationToken);

    Task<ApiKeyDto> RevokeApiKeyAsync(OrganisationId organisationId, ApiKeyId keyId, string actor, CancellationToken cancellationToken);

    /// <summary>Signs a person in with the application cookie.</summary>
    Task<SignInOutcome> SignInWithPasswordAsync(string email, string password, bool remember, CancellationToken cancellationToken);

    Task SignOutAsync();
}
