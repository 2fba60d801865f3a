namespace Tradewind.Persistence;

/// <summary>Which database Tradewind runs on. The same code, migrations (one set each) and tests serve both.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, single node: a file under the data directory, WAL mode. The default.</summary>
    Sqlite,

    /// <summary>Production and scale-out: any number of nodes on one server.</summary>
    Postgres,
}
