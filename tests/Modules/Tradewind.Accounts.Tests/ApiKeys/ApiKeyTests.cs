using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Accounts.ApiKeys;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Tests.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
    private static readonly OrganisationId Organisation = OrganisationId.New(Clock);

    [Fact]
    public void An_issued_key_matches_its_own_secret_and_shows_only_its_prefix()
    {
        var (key, secret) = ApiKey.Issue(Organisation, "metering", Roles.Seller, Clock);

        Assert.True(key.Matches(secret));
        Assert.StartsWith($"tw_{key.Prefix}_", secret, StringComparison.Ordinal);
        Assert.Equal($"tw_{key.Prefix}", key.ToDto().Prefix);
        Assert.DoesNotContain(secret, key.SecretHash, StringComparison.Ordinal);
        Assert.Equal(64, key.SecretHash.Length);
        Assert.Equal(Clock.GetUtcNow(), key.CreatedAt);
    }

    [Fact]
    public void A_key_does_not_match_a_secret_that_differs_in_one_character()
    {
        var (key, secret) = ApiKey.Issue(Organisation, "metering", Roles.Seller, Clock);
        var tampered = secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a');

        Assert.False(key.Matches(tampered));
    }

    [Fact]
    public void Two_issued_keys_never_share_a_prefix_or_secret()
    {
        var issued = Enumerable.Range(0, 200).Select(_ => ApiKey.Issue(Organisation, "k", Roles.Buyer, Clock)).ToList();

        Assert.Equal(issued.Count, issued.Select(i => i.Key.Prefix).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(issued.Count, issued.Select(i => i.Secret).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("tw_")]
    [InlineData("tw_short_x")]
    [InlineData("sk_abcdefghijkl_secret")]
    [InlineData("tw_abcdefghijklXsecret")]
    public void Strings_not_shaped_like_a_key_have_no_prefix(string presented)
    {
        Assert.False(ApiKey.TryReadPrefix(presented, out _));
    }

    [Fact]
    public void The_prefix_read_from_an_issued_key_is_its_own()
    {
        Gen.Int[0, 1000].Sample(_ =>
        {
            var (key, secret) = ApiKey.Issue(Organisation, "k", Roles.Operator, Clock);
            return ApiKey.TryReadPrefix(secret, out var prefix) && prefix == key.Prefix;
        }, iter: 50);
    }
}
