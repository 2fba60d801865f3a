using CsCheck;
using Tradewind.Primitives.Peppol;

namespace Tradewind.Primitives.Tests.Peppol;

public sealed class PeppolParticipantIdTests
{
    [Theory]
    [InlineData("0088:0614141000012", "0088", "0614141000012")]
    [InlineData(" 0088 : 0614141 000029 ", "0088", "0614141000029")]
    [InlineData("0151:51824753556", "0151", "51824753556")]
    [InlineData("0221:t5835678256246", "0221", "T5835678256246")]
    [InlineData("9930:DE136695976", "9930", "DE136695976")]
    [InlineData("9935:IE6388047V", "9935", "IE6388047V")]
    [InlineData("0192:974760673", "0192", "974760673")]
    [InlineData("0208:0403170701", "0208", "0403170701")]
    [InlineData("9959:123456789", "9959", "123456789")]
    public void A_participant_id_in_an_accepted_scheme_with_matching_check_digits_is_accepted_in_canonical_form(string input, string scheme, string id)
    {
        Assert.True(PeppolParticipantId.TryParse(input, out var participant, out var reason), reason);

        Assert.Equal(scheme, participant.Value.Scheme);
        Assert.Equal(id, participant.Value.Identifier);
        Assert.Equal($"{scheme}:{id}", participant.Value.ToString());
    }

    [Theory]
    [InlineData("0614141000012", "scheme:identifier")]
    [InlineData("EM:billing@example.com", "not an electronic address scheme")]
    [InlineData("9999:123", "not an electronic address scheme")]
    [InlineData("0088:0614141000013", "GS1 check digit")]
    [InlineData("0088:061414100001", "GS1 check digit")]
    [InlineData("0151:51824753557", "ABN")]
    [InlineData("0221:T1234567890123", "Japanese registration number")]
    [InlineData("9930:DE136695977", "DE VAT number")]
    [InlineData("9930:136695976", "DE VAT number")]
    [InlineData("0192:974760674", "Norwegian")]
    [InlineData("0060:", "1 to 50")]
    public void A_participant_id_outside_the_list_or_with_a_wrong_check_digit_is_refused_with_the_reason(string input, string reasonPart)
    {
        Assert.False(PeppolParticipantId.TryParse(input, out var participant, out var reason));

        Assert.Null(participant);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_GLN_made_under_a_company_prefix_is_valid_and_keeps_the_prefix_and_the_location_reference()
    {
        Gen.Select(Gen.Int[6, 11], Gen.Long[0, 999_999L], Gen.Long[0, 99_999_999_999L]).Sample((length, reference, prefixNumber) =>
        {
            var prefix = (prefixNumber % (long)Math.Pow(10, length)).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(length, '0');
            var gln = Gln.Create(prefix, reference);
            var fits = reference.ToString(System.Globalization.CultureInfo.InvariantCulture).Length <= 12 - length;

            Assert.Equal(fits, gln is not null);
            if (gln is not null)
            {
                Assert.True(Gln.IsValid(gln));
                Assert.StartsWith(prefix, gln, StringComparison.Ordinal);
                Assert.Equal(reference, long.Parse(gln[length..12], System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(PeppolParticipantId.TryCreate("0088", gln, out _, out _));
            }
        });
    }

    [Fact]
    public void Changing_any_one_digit_of_a_GLN_breaks_its_check_digit()
    {
        Gen.Select(Gen.Long[0, 99_999L], Gen.Int[0, 12], Gen.Int[1, 9]).Sample((reference, position, delta) =>
        {
            var gln = Gln.Create("0614141", reference)!;
            var digits = gln.ToCharArray();
            digits[position] = (char)('0' + ((digits[position] - '0' + delta) % 10));

            Assert.False(Gln.IsValid(new string(digits)));
        });
    }

    [Theory]
    [InlineData(1, "0614141000012")]
    [InlineData(2, "0614141000029")]
    [InlineData(3, "0614141000036")]
    public void The_demo_entities_GLNs_under_the_GS1_example_prefix_have_these_check_digits(long reference, string expected)
    {
        Assert.Equal(expected, Gln.Create("0614141", reference));
    }
}
