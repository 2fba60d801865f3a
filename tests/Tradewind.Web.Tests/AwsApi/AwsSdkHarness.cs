using System.Diagnostics;
using System.Text.Json;

namespace Tradewind.Web.Tests.AwsApi;

/// <summary>Runs one operation of the real AWS SDK for JavaScript (tests/aws-sdk/call.mjs; see it for the protocol) against a server.</summary>
internal static class AwsSdkHarness
{
    /// <summary>The operation's result as call.mjs prints it: <c>{"output": …}</c> or <c>{"error": …}</c>.</summary>
    public static async Task<JsonElement> CallAsync(
        Uri server, string accessKeyId, string secretAccessKey, string client, string operation, object input, CancellationToken cancellationToken,
        string[]? dateFields = null, string? sessionToken = null, int? clockOffsetMs = null, int? maxAttempts = null)
    {
        var call = JsonSerializer.Serialize(new
        {
            endpoint = server.ToString().TrimEnd('/'),
            client,
            operation,
            input,
            dateFields,
            accessKeyId,
            secretAccessKey,
            sessionToken,
            clockOffsetMs,
            maxAttempts,
        });
        var start = new ProcessStartInfo("node", ["call.mjs"])
        {
            WorkingDirectory = HarnessDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TRADEWIND_AWS_CALL"] = call;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout).Trim();
        Assert.True(process.ExitCode == 0 && output.Length > 0, $"node exited {process.ExitCode}: {output} {await stderr}");
        return JsonDocument.Parse(output.Split('\n')[^1]).RootElement.Clone();
    }

    private static string HarnessDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var harness = Path.Combine(directory.FullName, "tests", "aws-sdk");
            if (File.Exists(Path.Combine(harness, "package.json")))
            {
                Assert.True(
                    Directory.Exists(Path.Combine(harness, "node_modules", "@aws-sdk")),
                    $"The AWS SDK is not installed: run 'npm ci' in {harness} (test.sh does this).");
                return harness;
            }
        }

        throw new InvalidOperationException("tests/aws-sdk was not found above the test binaries.");
    }
}
