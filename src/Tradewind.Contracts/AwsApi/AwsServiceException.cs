using System.Text.Json.Nodes;

namespace Tradewind.Contracts.AwsApi;

/// <summary>
/// An error the AWS-compatible API answers in AWS's shape: <c>{"__type": Code, "message": Message}</c> with
/// <see cref="StatusCode"/>. <see cref="Code"/> is the model's shape name without namespace, e.g.
/// <c>InvalidTokenException</c>; client faults are 400 unless the service model pins another status
/// (<c>IdempotencyConflictException</c> is 409), server faults 500. <see cref="Members"/> are further members of the
/// error shape written next to <c>message</c> (the Agreement model's <c>reason</c>, <c>fields</c>, <c>resourceId</c>, …).
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string code, string message, int statusCode = 400)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        StatusCode = statusCode;
    }

    public AwsServiceException()
        : this("InternalServiceErrorException", "An internal error occurred.", 500)
    {
    }

    public AwsServiceException(string message)
        : this("ValidationException", message)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalServiceErrorException";
        StatusCode = 500;
    }

    public AwsServiceException(string code, string message, int statusCode, IReadOnlyDictionary<string, JsonNode?> members)
        : this(code, message, statusCode)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
    }

    public string Code { get; }

    public int StatusCode { get; }

    /// <summary>Members of the modeled error shape besides <c>__type</c> and <c>message</c>; empty for most errors.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Members { get; } = new Dictionary<string, JsonNode?>();

    /// <summary>The request body is not JSON, or a member has the wrong JSON type.</summary>
    public static AwsServiceException Serialization(string message) => new("SerializationException", message);

    /// <summary>
    /// Members break the model's constraints. AWS words it "N validation error(s) detected: Value … at 'member'
    /// failed to satisfy constraint: …"; <paramref name="errors"/> are the parts after the colon.
    /// </summary>
    public static AwsServiceException Validation(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 validation error" : $"{errors.Count} validation errors";
        return new("ValidationException", $"{count} detected: {string.Join("; ", errors)}");
    }
}
