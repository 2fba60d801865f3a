using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

internal sealed partial class DemoSeeder
{
    /// <summary>
    /// The first demo seller's AWS access key, so the AWS SDK examples in docs/aws-compatible-api.md work against a
    /// fresh demo at once; its id and secret go to demo-credentials.json.
    /// </summary>
    private Task<IssuedAwsAccessKey> SeedAwsAccessKeyAsync(OrganisationId sellerId, CancellationToken cancellationToken) =>
        accounts.CreateAwsAccessKeyAsync(sellerId, "demo AWS SDK key", null, Actor, cancellationToken);
}
