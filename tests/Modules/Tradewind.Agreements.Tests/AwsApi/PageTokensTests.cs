using CsCheck;
using Microsoft.AspNetCore.DataProtection;
using Tradewind.Agreements.AwsApi;

namespace Tradewind.Agreements.Tests.AwsApi;

public sealed class PageTokensTests
{
    private readonly PageTokens _tokens = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void A_token_reads_back_as_its_offset_for_the_same_operation_and_query() =>
        Gen.Select(Gen.Int[0, 10_000_000], Gen.String).Sample((offset, query) =>
        {
            var token = _tokens.Write("Op", query, offset);
            return _tokens.TryRead(token, "Op", query, out var read) && read == offset;
        });

    [Fact]
    public void A_token_is_standard_base64_as_aws_next_tokens_are() =>
        Assert.Matches("^[a-zA-Z0-9+/=]+$", _tokens.Write("Op", "seller;product", 25));

    [Fact]
    public void A_token_does_not_open_for_another_query_or_operation_or_another_key_ring()
    {
        var token = _tokens.Write("Op", "seller-a;product", 25);

        Assert.False(_tokens.TryRead(token, "Op", "seller-b;product", out _));
        Assert.False(_tokens.TryRead(token, "OtherOp", "seller-a;product", out _));
        Assert.False(new PageTokens(new EphemeralDataProtectionProvider()).TryRead(token, "Op", "seller-a;product", out _));
    }

    [Fact]
    public void An_altered_or_made_up_token_does_not_open() =>
        Gen.Int[0, 200].Sample(position =>
        {
            var token = _tokens.Write("Op", "q", 50);
            var index = position % token.TrimEnd('=').Length;
            var altered = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];
            return !_tokens.TryRead(altered, "Op", "q", out _)
                && !_tokens.TryRead("bm90IGEgdG9rZW4=", "Op", "q", out _)
                && !_tokens.TryRead("not base64!", "Op", "q", out _)
                && !_tokens.TryRead("", "Op", "q", out _);
        });
}
