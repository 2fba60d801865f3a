using CsCheck;

namespace Tradewind.Primitives.Banking.Tests;

public sealed class RfCreditorReferenceTests
{
    private static readonly Gen<string> AnyBody = Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].Array[1, RfCreditorReference.MaxBodyLength].Select(chars => new string(chars));

    [Theory]
    [InlineData("RF18539007547034")]
    [InlineData("RF18 5390 0754 7034")]
    [InlineData("rf18539007547034")]
    [InlineData("RF712348231")]
    public void Published_references_are_valid_in_electronic_and_print_format(string text)
    {
        var reference = RfCreditorReference.Parse(text);

        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), reference.Value);
    }

    [Fact]
    public void Creating_a_reference_computes_the_published_check_digits()
    {
        var reference = RfCreditorReference.Create("539007547034");

        Assert.Equal("RF18539007547034", reference.Value);
        Assert.Equal("RF18 5390 0754 7034", reference.ToPrintString());
        Assert.Equal("539007547034", reference.Body);
    }

    [Theory]
    [InlineData("RF19539007547034", "The check digits do not match (ISO 11649, MOD 97-10).")]
    [InlineData("RF18539007547035", "The check digits do not match (ISO 11649, MOD 97-10).")]
    [InlineData("XX18539007547034", "An RF reference starts with RF, two check digits and 1 to 21 letters or digits.")]
    [InlineData("RF1", "An RF reference starts with RF, two check digits and 1 to 21 letters or digits.")]
    [InlineData("RF185390075470345390075470", "An RF reference starts with RF, two check digits and 1 to 21 letters or digits.")]
    [InlineData("RFAB539007547034", "An RF reference holds two check digits after RF, then only letters and digits.")]
    [InlineData("RF18-5390-0754", "An RF reference holds two check digits after RF, then only letters and digits.")]
    public void A_wrong_reference_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Equal(reason, RfCreditorReference.Validate(text).Reason);
        Assert.False(RfCreditorReference.TryParse(text, out _));
    }

    [Fact]
    public void Every_created_reference_parses_back_to_itself_in_both_formats() =>
        AnyBody.Sample(body =>
        {
            var reference = RfCreditorReference.Create(body);
            return RfCreditorReference.Parse(reference.Value) == reference
                && RfCreditorReference.Parse(reference.ToPrintString().ToLowerInvariant()) == reference
                && reference.Body == body;
        });

    [Fact]
    public void Changing_any_one_character_of_a_reference_is_detected() =>
        AnyBody.SelectMany(body => Gen.Int[4, 3 + body.Length].SelectMany(position => Gen.Int[1, 35].Select(shift => (body, position, shift))))
            .Sample(t =>
            {
                var value = RfCreditorReference.Create(t.body).Value;
                const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                var original = value[t.position];
                var replacement = Alphabet[(Alphabet.IndexOf(original, StringComparison.Ordinal) + t.shift) % 36];
                var changed = string.Concat(value.AsSpan(0, t.position), replacement.ToString(), value.AsSpan(t.position + 1));

                // MOD 97-10 catches every single substitution within digits or within letters; a letter for a digit can
                // slip through (as for IBANs), so only same-kind substitutions are asserted.
                return char.IsAsciiDigit(original) != char.IsAsciiDigit(replacement) || !RfCreditorReference.TryParse(changed, out _);
            });

    [Fact]
    public void The_default_value_holds_no_reference()
    {
        Assert.Equal("", default(RfCreditorReference).ToString());
        Assert.Throws<InvalidOperationException>(() => default(RfCreditorReference).Value);
    }
}
