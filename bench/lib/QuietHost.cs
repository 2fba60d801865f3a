namespace Tradewind.Bench;

/// <summary>
/// The settings of a Tradewind hosted in-process by an analytics benchmark: the given database, no demo seed, and no
/// background job (outbox, webhooks, billing, analytics rollups and scores) running while something is timed.
/// Compiled into each benchmark that links it.
/// </summary>
internal static class QuietHost
{
    public static Dictionary<string, string?> Settings(string provider, string connection, string dataDirectory) => new()
    {
        ["Database:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres",
        ["ConnectionStrings:Tradewind"] = connection,
        ["DataDirectory"] = dataDirectory,
        ["Demo:Seed"] = "false",
        ["Outbox:Enabled"] = "false",
        ["Webhooks:Delivery:Enabled"] = "false",
        ["Billing:Job:Enabled"] = "false",
        ["Analytics:Lifecycle:JobEnabled"] = "false",
        ["Analytics:Traffic:RollupInterval"] = "00:00:00",
        ["Analytics:Revenue:RollupInterval"] = "00:00:00",
        ["Analytics:Candidates:JobEnabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
