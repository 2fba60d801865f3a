namespace Tradewind.Contracts;

/// <summary>What kind of refusal a <see cref="DomainException"/> is; the web host maps it to an HTTP status once.</summary>
public enum DomainErrorKind
{
    /// <summary>The request breaks a business rule (422).</summary>
    Rule,

    /// <summary>The thing asked for does not exist for this caller (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
}

/// <summary>
/// A business action refused for a reason the caller can act on. <see cref="Code"/> is stable and
/// documented (it becomes the problem type <c>https://tradewind.dev/problems/{code}</c>); the message is for people.
/// Bugs are guard exceptions (<see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>), never this.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message, DomainErrorKind kind = DomainErrorKind.Rule)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Kind = kind;
    }

    public DomainException()
        : this("domain-error", "The request was refused.")
    {
    }

    public DomainException(string message)
        : this("domain-error", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain-error";
    }

    /// <summary>Stable, kebab-case error code, e.g. <c>organisation-not-found</c>.</summary>
    public string Code { get; }

    public DomainErrorKind Kind { get; }
}

/// <summary>
/// Input that fails validation. <see cref="Errors"/> maps each offending field (camelCase, as on the wire)
/// to its messages; the web host returns it as an RFC 7807 validation problem (400).
/// </summary>
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base("validation-failed", "One or more fields are invalid.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }

    public ValidationFailedException()
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal))
    {
    }

    public ValidationFailedException(string message)
        : this("request", message)
    {
    }

    public ValidationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
