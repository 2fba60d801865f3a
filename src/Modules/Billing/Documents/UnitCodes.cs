namespace Tradewind.Billing.Documents;

/// <summary>Maps a plan's unit name to a UN/ECE Recommendation 20 code (EN 16931 BR-CL-23); anything else counts in "one" (C62).</summary>
internal static class UnitCodes
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = "SEC",
        ["seconds"] = "SEC",
        ["minute"] = "MIN",
        ["minutes"] = "MIN",
        ["hour"] = "HUR",
        ["hours"] = "HUR",
        ["day"] = "DAY",
        ["days"] = "DAY",
        ["month"] = "MON",
        ["months"] = "MON",
        ["year"] = "ANN",
        ["years"] = "ANN",
        ["kb"] = "2P",
        ["mb"] = "4L",
        ["gb"] = "E34",
        ["tb"] = "E35",
    };

    public static string ToRec20(string? unit) =>
        unit is not null && Codes.TryGetValue(unit.Trim(), out var code) ? code : "C62";
}
