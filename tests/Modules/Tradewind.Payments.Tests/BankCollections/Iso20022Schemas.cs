using System.Xml;
using System.Xml.Schema;

namespace Tradewind.Payments.Tests.BankCollections;

/// <summary>Validates documents against the ISO 20022 schemas kept in <c>tests/schemas/iso20022/</c>.</summary>
internal static class Iso20022Schemas
{
    public static IReadOnlyList<string> Validate(string xml, string schemaFile)
    {
        var schemas = new XmlSchemaSet();
        using (var schema = XmlReader.Create(Path.Combine(RepositoryRoot(), "tests", "schemas", "iso20022", schemaFile)))
        {
            schemas.Add(null, schema);
        }

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tradewind.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tradewind.slnx not found above the test binaries.");
    }
}
