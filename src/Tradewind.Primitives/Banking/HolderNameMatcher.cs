using System.Globalization;
using System.Text;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// Decides whether the holder name a bank reports for an account is the seller's legal name.
/// </summary>
/// <remarks>
/// <para>Both names are reduced to a key, and the keys compared:</para>
/// <list type="number">
/// <item>Case-folded (invariant lower case).</item>
/// <item>Letters that have no Unicode decomposition are spelled out: ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ/ð→d, þ→th.</item>
/// <item>Unicode NFKD, then combining marks removed, so "Société" is "societe" and full-width letters are plain.</item>
/// <item>Dots and apostrophes are deleted ("S.A." is "sa"), "&amp;" becomes "and", and every other character
/// that is not a letter or digit separates words; runs of separators collapse.</item>
/// <item>Legal forms at the end are taken off and kept aside: GmbH, AG, Ltd/Limited, Inc/Incorporated, LLC,
/// S.A., SAS, S.à r.l./SARL, B.V., Pty Ltd (counted as Ltd), K.K./Kabushiki Kaisha, Co./Company,
/// Corp/Corporation, PLC; several may stack ("Co., Ltd.").</item>
/// </list>
/// <para>
/// The names match when the remaining words are the same, in any order (banks often store
/// "SURNAME GIVEN"), and the legal forms agree: a form on one side only is ignored, because banks
/// truncate names, but forms on both sides must share one (Ltd and Limited are the same form; "Acme GmbH"
/// and "Acme Ltd" are different companies).
/// </para>
/// <para>
/// German umlauts: a bank may write "Müller" as "MULLER" or as "MUELLER". Each name is therefore keyed twice,
/// once with ä, ö, ü dropped to a, o, u and once spelled ae, oe, ue, and the names match if any pair of
/// keys does. So "Müller Software AG" matches "MUELLER SOFTWARE AG" and "Muller Software", but not
/// "Mueller": a missing word is a different name. Abbreviations, typos and transliterations between
/// scripts are not matched; a mismatch goes to a person, not to a refusal.
/// </para>
/// </remarks>
public static class HolderNameMatcher
{
    public static bool Matches(string holderName, string legalName)
    {
        ArgumentNullException.ThrowIfNull(holderName);
        ArgumentNullException.ThrowIfNull(legalName);
        foreach (var holder in Keys(holderName))
        {
            foreach (var legal in Keys(legalName))
            {
                if (holder.Words.Length > 0 && holder.Words.SequenceEqual(legal.Words, StringComparer.Ordinal)
                    && (holder.Forms.Count == 0 || legal.Forms.Count == 0 || holder.Forms.Overlaps(legal.Forms)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<NameKey> Keys(string name)
    {
        var folded = name.ToLowerInvariant();
        yield return Key(folded);
        var expanded = folded.Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal);
        if (!string.Equals(expanded, folded, StringComparison.Ordinal))
        {
            yield return Key(expanded);
        }
    }

    private static NameKey Key(string folded)
    {
        var plain = new StringBuilder(folded.Length);
        foreach (var c in SpellOut(folded).Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (c is '.' or '\'' or '\u2019' or '\u02BC' or '`')
            {
                continue;
            }

            if (c == '&')
            {
                plain.Append(" and ");
            }
            else
            {
                plain.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }

        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var forms = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count > 1 && TrailingForm(words) is { } found)
        {
            forms.Add(found.Form);
            words.RemoveRange(words.Count - found.Words, found.Words);
        }

        words.Sort(StringComparer.Ordinal);
        return new NameKey([.. words], forms);
    }

    // The longest run of final words (up to four: "s a r l") that spells a legal form, leaving at least one word.
    private static (string Form, int Words)? TrailingForm(List<string> words)
    {
        for (var count = Math.Min(4, words.Count - 1); count >= 1; count--)
        {
            if (LegalForm(string.Concat(words.Skip(words.Count - count))) is { } form)
            {
                return (form, count);
            }
        }

        return null;
    }

    private static string? LegalForm(string joined) => joined switch
    {
        "gmbh" => "gmbh",
        "ag" => "ag",
        "ltd" or "limited" or "ptyltd" or "ptylimited" => "ltd",
        "inc" or "incorporated" => "inc",
        "llc" => "llc",
        "sa" => "sa",
        "sas" => "sas",
        "sarl" => "sarl",
        "bv" => "bv",
        "kk" or "kabushikikaisha" => "kk",
        "co" or "company" => "co",
        "corp" or "corporation" => "corp",
        "plc" => "plc",
        _ => null,
    };

    private static string SpellOut(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' or 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private sealed record NameKey(string[] Words, HashSet<string> Forms);
}
