using System.Collections.Concurrent;
using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Tradewind.Billing.Tests.Documents;

/// <summary>One finding of a business-rule check: the rule id, its flag (<c>fatal</c>, <c>warning</c>) and its text.</summary>
public sealed record RuleFinding(string Id, string Flag, string Text, string Location);

/// <summary>
/// Validates UBL documents against the UBL 2.1 XSD (in process) and the CEN EN 16931 and Peppol BIS Billing 3.0
/// schematron, compiled to XSLT, run by Saxon-HE on Java (files under <c>tests/schemas</c>).
/// </summary>
/// <remarks>
/// Saxon compiles a stylesheet once per run and transforms every file of a directory in that run, so documents are
/// checked in batches: <see cref="CheckRules"/> writes the documents it is given to a temporary folder and runs each
/// stylesheet once over the folder. Results are cached by document text for the rest of the test run.
/// </remarks>
public static class UblValidator
{
    public const string CenRules = "CEN-EN16931-UBL.xsl";
    public const string PeppolRules = "PEPPOL-EN16931-UBL.xsl";

    private const string SaxonJar = "/usr/share/java/Saxon-HE.jar";
    private static readonly XNamespace Svrl = "http://purl.oclc.org/dsdl/svrl";
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<RuleFinding>>> RuleResults = new(StringComparer.Ordinal);
    private static readonly Lock RunGate = new();

    /// <summary>The repository's <c>tests/schemas</c> folder, found by walking up from the test binaries.</summary>
    public static string SchemaRoot { get; } = FindSchemaRoot();

    /// <summary>XSD problems (errors and warnings); empty when the document is valid.</summary>
    public static IReadOnlyList<string> ValidateSchema(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    /// <summary>
    /// Runs both rule sets over every document (name → XML) not checked yet, in one Saxon run per rule set, and
    /// returns the findings per rule set for each requested document.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<RuleFinding>>> CheckRules(IReadOnlyDictionary<string, string> documents)
    {
        lock (RunGate)
        {
            var pending = documents.Where(d => !RuleResults.ContainsKey(d.Value)).ToList();
            if (pending.Count > 0)
            {
                var folder = Directory.CreateTempSubdirectory("tradewind-ubl-");
                try
                {
                    var input = Directory.CreateDirectory(Path.Combine(folder.FullName, "in"));
                    var files = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < pending.Count; i++)
                    {
                        var file = $"doc{i:D3}.xml";
                        File.WriteAllText(Path.Combine(input.FullName, file), pending[i].Value);
                        files[file] = pending[i].Value;
                    }

                    var perRuleSet = new Dictionary<string, Dictionary<string, IReadOnlyList<RuleFinding>>>(StringComparer.Ordinal);
                    foreach (var rules in new[] { CenRules, PeppolRules })
                    {
                        var output = Directory.CreateDirectory(Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(rules)));
                        RunSaxon(input.FullName, Path.Combine(SchemaRoot, "schematron", rules), output.FullName);
                        perRuleSet[rules] = files.Keys.ToDictionary(
                            file => file,
                            file => (IReadOnlyList<RuleFinding>)Findings(Path.Combine(output.FullName, file)),
                            StringComparer.Ordinal);
                    }

                    foreach (var (file, xml) in files)
                    {
                        RuleResults[xml] = perRuleSet.ToDictionary(p => p.Key, p => p.Value[file], StringComparer.Ordinal);
                    }
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            }

            return documents.ToDictionary(d => d.Key, d => RuleResults[d.Value], StringComparer.Ordinal);
        }
    }

    private static void RunSaxon(string inputFolder, string stylesheet, string outputFolder)
    {
        if (!File.Exists(SaxonJar))
        {
            throw new InvalidOperationException($"Saxon-HE is not installed at {SaxonJar} (Debian package libsaxonhe-java; Java from default-jre-headless).");
        }

        var start = new ProcessStartInfo("java")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-cp", SaxonJar, "net.sf.saxon.Transform", "-s:" + inputFolder, "-xsl:" + stylesheet, "-o:" + outputFolder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java could not be started.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Saxon failed ({process.ExitCode}) on {stylesheet}:\n{stdout}\n{stderr.Result}");
        }
    }

    private static List<RuleFinding> Findings(string svrlPath)
    {
        var report = XDocument.Load(svrlPath);
        return report.Descendants(Svrl + "failed-assert")
            .Concat(report.Descendants(Svrl + "successful-report"))
            .Select(e => new RuleFinding(
                (string?)e.Attribute("id") ?? "?",
                (string?)e.Attribute("flag") ?? "fatal",
                ((string?)e.Element(Svrl + "text"))?.Trim() ?? string.Empty,
                (string?)e.Attribute("location") ?? string.Empty))
            .ToList();
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var root = new Uri(Path.Combine(SchemaRoot, "ubl-2.1") + Path.DirectorySeparatorChar);
        var resolver = new LocalOnlyResolver(root);
        // Without an explicit resolver the imported common/ schemas are not loaded; the xmldsig schema has an internal DTD subset.
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var errors = new List<string>();
        set.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = resolver };
        foreach (var xsd in new[] { "xsd/maindoc/UBL-Invoice-2.1.xsd", "xsd/maindoc/UBL-CreditNote-2.1.xsd" })
        {
            using var reader = XmlReader.Create(new Uri(root, xsd).AbsoluteUri, readerSettings);
            set.Add(null, reader);
        }

        set.Compile();
        return errors.Count == 0 ? set : throw new InvalidOperationException(string.Join("\n", errors));
    }

    private static string FindSchemaRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "schemas");
            if (Directory.Exists(Path.Combine(candidate, "ubl-2.1")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/schemas was not found above " + AppContext.BaseDirectory);
    }

    private sealed class LocalOnlyResolver(Uri root) : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile || !root.IsBaseOf(absoluteUri))
            {
                throw new XmlException($"Refusing to resolve {absoluteUri}: schemas load only from {root}.");
            }

            return base.GetEntity(absoluteUri, role, ofObjectToReturn);
        }
    }
}
