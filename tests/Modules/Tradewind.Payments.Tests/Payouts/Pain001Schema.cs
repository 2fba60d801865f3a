using System.Xml.Linq;
using System.Xml.Schema;

namespace Tradewind.Payments.Tests.Payouts;

/// <summary>Validates a document against <c>tests/schemas/iso20022/pain.001.001.09.xsd</c> (System.Xml.Schema).</summary>
internal static class Pain001Schema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(SchemaFolder(), "iso20022", "pain.001.001.09.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Every schema error in <paramref name="xml"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string xml)
    {
        var errors = new List<string>();
        var document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        document.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})"));
        return errors;
    }

    private static string SchemaFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "schemas");
            if (Directory.Exists(Path.Combine(candidate, "iso20022")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/schemas/iso20022 was not found above " + AppContext.BaseDirectory);
    }
}
