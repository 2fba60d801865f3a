using Tradewind.Analytics.Traffic.Capture;

namespace Tradewind.Analytics.Tests.Traffic.Capture;

public sealed class ViewTokenTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
    private readonly ViewToken _tokens = new(Key, TimeSpan.FromHours(24));

    [Fact]
    public void A_token_names_its_view_for_24_hours()
    {
        var view = Guid.CreateVersion7(Issued);
        var token = _tokens.Create(view);

        Assert.Equal(43, token.Length);
        Assert.Equal(view, _tokens.Verify(token, Issued));
        Assert.Equal(view, _tokens.Verify(token, Issued.AddHours(24)));
        Assert.Null(_tokens.Verify(token, Issued.AddHours(24).AddSeconds(1)));
    }

    [Fact]
    public void A_token_from_the_future_is_refused() =>
        Assert.Null(_tokens.Verify(_tokens.Create(Guid.CreateVersion7(Issued.AddHours(1))), Issued));

    [Fact]
    public void A_changed_token_or_one_signed_with_another_key_is_refused()
    {
        var view = Guid.CreateVersion7(Issued);
        var token = _tokens.Create(view);
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var otherKey = new ViewToken(Enumerable.Repeat((byte)1, 32).ToArray(), TimeSpan.FromHours(24));

        Assert.Null(_tokens.Verify(tampered, Issued));
        Assert.Null(otherKey.Verify(token, Issued));
        Assert.Null(_tokens.Verify(token[..42], Issued));
        Assert.Null(_tokens.Verify("", Issued));
        Assert.Null(_tokens.Verify(null, Issued));
    }

    [Fact]
    public void A_signed_id_that_is_not_time_ordered_is_refused() =>
        Assert.Null(_tokens.Verify(_tokens.Create(Guid.NewGuid()), Issued));

    [Fact]
    public void The_issue_time_is_read_from_the_id() =>
        Assert.Equal(Issued, ViewToken.IssuedAt(Guid.CreateVersion7(Issued)));
}
