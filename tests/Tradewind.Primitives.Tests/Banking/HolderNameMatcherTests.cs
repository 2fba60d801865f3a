namespace Tradewind.Primitives.Banking.Tests;

public sealed class HolderNameMatcherTests
{
    [Theory]
    [InlineData("ACME GMBH", "Acme GmbH")]
    [InlineData("Acme", "Acme GmbH")]
    [InlineData("ACME LIMITED", "Acme Ltd.")]
    [InlineData("Acme Pty Ltd", "ACME LTD")]
    [InlineData("Acme Inc", "Acme, Incorporated")]
    [InlineData("ACME SARL", "Acme S.à r.l.")]
    [InlineData("Acme S. à r. l.", "ACME SARL")]
    [InlineData("Acme BV", "Acme B.V.")]
    [InlineData("Acme Kabushiki Kaisha", "Acme K.K.")]
    [InlineData("Acme Co., Ltd.", "ACME LTD")]
    [InlineData("Société Générale SA", "SOCIETE GENERALE S.A.")]
    [InlineData("MUELLER SOFTWARE AG", "Müller Software AG")]
    [InlineData("MULLER SOFTWARE AG", "Müller Software AG")]
    [InlineData("Muller Software", "Müller Software AG")]
    [InlineData("Straße & Partner", "STRASSE AND PARTNER")]
    [InlineData("DOE JOHN", "John Doe")]
    [InlineData("O'Brien Consulting Corp", "OBrien Consulting Corporation")]
    [InlineData("Ｆｕｌｌ Width", "Full Width")]
    public void Names_that_differ_only_in_case_accents_punctuation_word_order_or_legal_form_spelling_match(string holder, string legal)
    {
        Assert.True(HolderNameMatcher.Matches(holder, legal));
        Assert.True(HolderNameMatcher.Matches(legal, holder));
    }

    [Theory]
    [InlineData("Other Company Ltd", "Acme Ltd")]
    [InlineData("Acme GmbH", "Acme Ltd")]
    [InlineData("Mueller", "Müller Software AG")]
    [InlineData("Acme Software", "Acme")]
    [InlineData("", "Acme")]
    [InlineData("Ltd", "Acme Ltd")]
    public void Names_with_a_different_word_or_a_conflicting_legal_form_do_not_match(string holder, string legal)
    {
        Assert.False(HolderNameMatcher.Matches(holder, legal));
        Assert.False(HolderNameMatcher.Matches(legal, holder));
    }
}
