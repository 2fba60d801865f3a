namespace Tradewind.Web.Notifications;

/// <summary>
/// <c>Notifications:*</c>. Without <c>Smtp:Host</c> e-mails are written as <c>.eml</c> files to
/// <see cref="PickupDirectory"/> (default <c>mail</c> under the data directory) instead of being sent.
/// </summary>
internal sealed class NotificationOptions
{
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where e-mails go when no SMTP host is configured; relative paths are under the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>The address buyers reach Tradewind at, for the links in e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Off in tests that send due e-mails themselves.</summary>
    public bool DeliveryEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Tradewind <no-reply@tradewind.localhost>";
}
