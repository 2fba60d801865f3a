namespace Tradewind.Primitives.Banking.Tests;

public sealed class CanadianRoutingNumberTests
{
    [Theory]
    [InlineData("000312345")] // electronic: 0, institution 003 (RBC), transit 12345
    [InlineData("12345-003")] // cheque (MICR) form
    [InlineData("003-12345")] // institution first
    public void Every_customary_form_gives_the_same_institution_and_transit(string text)
    {
        var routing = CanadianRoutingNumber.Parse(text);

        Assert.Equal("003", routing.InstitutionNumber);
        Assert.Equal("12345", routing.TransitNumber);
        Assert.Equal("000312345", routing.ToString());
        Assert.Equal("12345-003", routing.ToPrintString());
    }

    [Theory]
    [InlineData("00312345")] // eight digits: which part is which?
    [InlineData("100312345")] // the electronic form starts with 0
    [InlineData("1234-0003")]
    [InlineData("ABCDE-003")]
    public void An_ambiguous_or_malformed_routing_number_is_refused(string text)
    {
        var check = CanadianRoutingNumber.Validate(text);

        Assert.False(check.Valid);
        Assert.Contains("Canadian routing number", check.Reason, StringComparison.Ordinal);
    }
}
