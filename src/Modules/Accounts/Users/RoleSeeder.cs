using Microsoft.AspNetCore.Identity;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;

namespace Tradewind.Accounts.Users;

/// <summary>Makes sure the three roles exist.</summary>
internal sealed class RoleSeeder(RoleManager<Role> roles, TimeProvider clock) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new Role { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Creating role '{name}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
