using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tradewind.ReportsBench;

/// <summary>
/// Writes the benchmark's events with set-based SQL, in the columns and formats capture and the lifecycle consumers use:
/// <c>count</c> listing events of one seller spread evenly over 365 days and 20 products (one in 33 a CTA click pointing at
/// the view before it; one in ten a bot; one in seventeen human views never confirmed), seven traffic sources, eleven
/// countries with their languages; and a year of lifecycle events: 20,000 trials (three in five used, one in five
/// converted, one in seven unsubscribed) and daily usage of 200 of them on two dimensions.
/// </summary>
internal static class EventLoader
{
    private const int Products = 20;
    private const int Trials = 20_000;

    public static async Task LoadAsync(string provider, string connection, Guid sellerId, DateOnly firstDay, int count, CancellationToken ct)
    {
        var first = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (provider == "sqlite")
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync(ct);
            foreach (var sql in SqliteStatements)
            {
                await using var command = db.CreateCommand();
                command.CommandText = sql;
                command.CommandTimeout = 0;
                command.Parameters.AddWithValue("$count", count);
                command.Parameters.AddWithValue("$trials", Trials);
                command.Parameters.AddWithValue("$products", Products);
                command.Parameters.AddWithValue("$first", first.UtcTicks);
                command.Parameters.AddWithValue("$seller", sellerId.ToString("D").ToUpperInvariant());
                await command.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync(ct);
        foreach (var sql in PostgresStatements)
        {
            await using var command = new NpgsqlCommand(sql, pg) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("count", count);
            command.Parameters.AddWithValue("trials", Trials);
            command.Parameters.AddWithValue("products", Products);
            command.Parameters.AddWithValue("first", first);
            command.Parameters.AddWithValue("seller", sellerId);
            await command.ExecuteNonQueryAsync(ct);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", pg) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private const string Columns = "id, name, schema_version, occurred_at, received_at, dedupe_key, seller_id, product_id, buyer_id, agreement_id, offer_type, visitor_day_hash, source, medium, campaign, referrer_host, channel, country, locale, translation_kind, is_bot, bot_reason, confirmed, attribution_view_id, dimension, quantity, detail";

    private static readonly string[] SqliteStatements =
    [
        $"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $count - 1)
        INSERT INTO analytics_events ({Columns})
        SELECT printf('00000000-0000-7000-8000-%012X', i),
               CASE WHEN i % 33 = 32 THEN 'cta_clicked' ELSE 'listing_view' END, 1,
               $first + (i % 365) * 864000000000 + ((i * 7919) % 86400) * 10000000,
               $first + (i % 365) * 864000000000 + ((i * 7919) % 86400) * 10000000,
               NULL, $seller, printf('00000000-0000-7000-9000-%012X', i % $products), NULL, NULL, NULL,
               CASE WHEN i % 33 = 32 OR i % 10 = 0 THEN NULL ELSE printf('%016x', (i * 2654435761) % 4000000) END,
               CASE i % 7 WHEN 0 THEN 'google' WHEN 1 THEN 'bing' WHEN 4 THEN 'linkedin' WHEN 5 THEN 'newsletter' WHEN 6 THEN 'g2' END,
               CASE i % 7 WHEN 0 THEN 'organic' WHEN 1 THEN 'organic' WHEN 4 THEN 'social' WHEN 5 THEN 'email' WHEN 6 THEN 'referral' END,
               CASE i % 7 WHEN 5 THEN 'spring-launch' END,
               CASE i % 7 WHEN 0 THEN 'www.google.com' WHEN 1 THEN 'www.bing.com' WHEN 4 THEN 'www.linkedin.com' WHEN 6 THEN 'www.g2.com' END,
               CASE i % 7 WHEN 0 THEN 'search' WHEN 1 THEN 'search' WHEN 2 THEN 'direct' WHEN 3 THEN 'marketplace_search' WHEN 4 THEN 'social' WHEN 5 THEN 'email' ELSE 'referral' END,
               CASE i % 11 WHEN 0 THEN 'US' WHEN 1 THEN 'DE' WHEN 2 THEN 'GB' WHEN 3 THEN 'JP' WHEN 4 THEN 'FR' WHEN 5 THEN 'IN' WHEN 6 THEN 'AU' WHEN 7 THEN 'KR' WHEN 8 THEN 'BR' WHEN 9 THEN 'CA' ELSE 'MX' END,
               CASE i % 11 WHEN 1 THEN 'de' WHEN 3 THEN 'ja' WHEN 4 THEN 'fr' WHEN 7 THEN 'ko' WHEN 8 THEN 'es' WHEN 10 THEN 'es' ELSE 'en' END,
               CASE WHEN i % 11 IN (1, 3, 4, 7, 8, 10) THEN 'machine' ELSE 'original' END,
               CASE WHEN i % 33 <> 32 AND i % 10 = 0 THEN 1 ELSE 0 END,
               CASE WHEN i % 33 <> 32 AND i % 10 = 0 THEN 'user_agent' END,
               CASE WHEN i % 33 <> 32 AND i % 10 <> 0 AND i % 17 <> 0 THEN 1 ELSE 0 END,
               CASE WHEN i % 33 = 32 THEN printf('00000000-0000-7000-8000-%012X', i - 1) END,
               NULL, NULL, CASE WHEN i % 33 = 32 THEN '{{"cta":"trial"}}' END
        FROM n
        """,
        $"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $trials - 1),
        steps(step, name) AS (VALUES (0, 'trial_started'), (1, 'first_usage'), (2, 'converted_to_paid'), (3, 'unsubscribed'))
        INSERT INTO analytics_events ({Columns})
        SELECT printf('00000000-0000-7000-A%03X-%012X', step, i), name, 1,
               $first + (i % 365) * 864000000000 + step * 3 * 864000000000 + (i % 86400) * 10000000,
               $first + (i % 365) * 864000000000 + step * 3 * 864000000000 + (i % 86400) * 10000000,
               name || ':' || printf('00000000-0000-7000-B000-%012X', i),
               $seller, printf('00000000-0000-7000-9000-%012X', i % $products), printf('00000000-0000-7000-C000-%012X', i),
               printf('00000000-0000-7000-B000-%012X', i), 'public_free_trial',
               NULL, NULL, NULL, NULL, NULL, NULL,
               CASE i % 11 WHEN 0 THEN 'US' WHEN 1 THEN 'DE' WHEN 2 THEN 'GB' WHEN 3 THEN 'JP' ELSE 'FR' END, NULL, NULL,
               0, NULL, 0, NULL, NULL, NULL,
               CASE step WHEN 0 THEN '{{"trialDays":14}}' WHEN 2 THEN '{{"fromOfferType":"public_free_trial"}}' WHEN 3 THEN '{{"reason":"cancelled"}}' END
        FROM n CROSS JOIN steps
        WHERE step = 0 OR (step = 1 AND i % 5 < 3) OR (step = 2 AND i % 5 = 0) OR (step = 3 AND i % 7 = 0)
        """,
        $"""
        WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < 364),
        a(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM a WHERE i < 199),
        dims(k, dimension) AS (VALUES (0, 'api_calls'), (1, 'storage_gb'))
        INSERT INTO analytics_events ({Columns})
        SELECT printf('00000000-0000-7000-D%03X-%04X%08X', k, i, day), 'usage_reported', 1,
               $first + day * 864000000000, $first + day * 864000000000,
               'usage_reported:' || printf('00000000-0000-7000-B000-%012X', i) || ':' || dimension || ':' || date($first / 10000000 - 62135596800 + day * 86400, 'unixepoch'),
               $seller, printf('00000000-0000-7000-9000-%012X', i % $products), printf('00000000-0000-7000-C000-%012X', i),
               printf('00000000-0000-7000-B000-%012X', i), 'public_payg',
               NULL, NULL, NULL, NULL, NULL, NULL, 'US', NULL, NULL, 0, NULL, 0, NULL,
               dimension, (i * 37 + day * 11) % 5000 + 1, NULL
        FROM d CROSS JOIN a CROSS JOIN dims
        """,
    ];

    private static readonly string[] PostgresStatements =
    [
        $"""
        INSERT INTO analytics_events ({Columns})
        SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
               CASE WHEN i % 33 = 32 THEN 'cta_clicked' ELSE 'listing_view' END, 1,
               @first + (i % 365) * interval '1 day' + ((i::bigint * 7919) % 86400) * interval '1 second',
               @first + (i % 365) * interval '1 day' + ((i::bigint * 7919) % 86400) * interval '1 second',
               NULL, @seller, ('00000000-0000-7000-9000-' || lpad(to_hex(i % @products), 12, '0'))::uuid, NULL, NULL, NULL,
               CASE WHEN i % 33 = 32 OR i % 10 = 0 THEN NULL ELSE lpad(to_hex((i::bigint * 2654435761) % 4000000), 16, '0') END,
               CASE i % 7 WHEN 0 THEN 'google' WHEN 1 THEN 'bing' WHEN 4 THEN 'linkedin' WHEN 5 THEN 'newsletter' WHEN 6 THEN 'g2' END,
               CASE i % 7 WHEN 0 THEN 'organic' WHEN 1 THEN 'organic' WHEN 4 THEN 'social' WHEN 5 THEN 'email' WHEN 6 THEN 'referral' END,
               CASE i % 7 WHEN 5 THEN 'spring-launch' END,
               CASE i % 7 WHEN 0 THEN 'www.google.com' WHEN 1 THEN 'www.bing.com' WHEN 4 THEN 'www.linkedin.com' WHEN 6 THEN 'www.g2.com' END,
               CASE i % 7 WHEN 0 THEN 'search' WHEN 1 THEN 'search' WHEN 2 THEN 'direct' WHEN 3 THEN 'marketplace_search' WHEN 4 THEN 'social' WHEN 5 THEN 'email' ELSE 'referral' END,
               CASE i % 11 WHEN 0 THEN 'US' WHEN 1 THEN 'DE' WHEN 2 THEN 'GB' WHEN 3 THEN 'JP' WHEN 4 THEN 'FR' WHEN 5 THEN 'IN' WHEN 6 THEN 'AU' WHEN 7 THEN 'KR' WHEN 8 THEN 'BR' WHEN 9 THEN 'CA' ELSE 'MX' END,
               CASE i % 11 WHEN 1 THEN 'de' WHEN 3 THEN 'ja' WHEN 4 THEN 'fr' WHEN 7 THEN 'ko' WHEN 8 THEN 'es' WHEN 10 THEN 'es' ELSE 'en' END,
               CASE WHEN i % 11 IN (1, 3, 4, 7, 8, 10) THEN 'machine' ELSE 'original' END,
               i % 33 <> 32 AND i % 10 = 0,
               CASE WHEN i % 33 <> 32 AND i % 10 = 0 THEN 'user_agent' END,
               i % 33 <> 32 AND i % 10 <> 0 AND i % 17 <> 0,
               CASE WHEN i % 33 = 32 THEN ('00000000-0000-7000-8000-' || lpad(to_hex(i - 1), 12, '0'))::uuid END,
               NULL, NULL, CASE WHEN i % 33 = 32 THEN '{{"cta":"trial"}}' END
        FROM generate_series(0, @count - 1) AS i
        """,
        $"""
        INSERT INTO analytics_events ({Columns})
        SELECT ('00000000-0000-7000-a' || lpad(to_hex(step), 3, '0') || '-' || lpad(to_hex(i), 12, '0'))::uuid, name, 1,
               @first + (i % 365) * interval '1 day' + step * interval '3 days' + (i % 86400) * interval '1 second',
               @first + (i % 365) * interval '1 day' + step * interval '3 days' + (i % 86400) * interval '1 second',
               name || ':' || ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0')),
               @seller, ('00000000-0000-7000-9000-' || lpad(to_hex(i % @products), 12, '0'))::uuid,
               ('00000000-0000-7000-c000-' || lpad(to_hex(i), 12, '0'))::uuid,
               ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'public_free_trial',
               NULL, NULL, NULL, NULL, NULL, NULL,
               CASE i % 11 WHEN 0 THEN 'US' WHEN 1 THEN 'DE' WHEN 2 THEN 'GB' WHEN 3 THEN 'JP' ELSE 'FR' END, NULL, NULL,
               false, NULL, false, NULL, NULL, NULL,
               CASE step WHEN 0 THEN '{{"trialDays":14}}' WHEN 2 THEN '{{"fromOfferType":"public_free_trial"}}' WHEN 3 THEN '{{"reason":"cancelled"}}' END
        FROM generate_series(0, @trials - 1) AS i
        CROSS JOIN (VALUES (0, 'trial_started'), (1, 'first_usage'), (2, 'converted_to_paid'), (3, 'unsubscribed')) AS steps(step, name)
        WHERE step = 0 OR (step = 1 AND i % 5 < 3) OR (step = 2 AND i % 5 = 0) OR (step = 3 AND i % 7 = 0)
        """,
        $"""
        INSERT INTO analytics_events ({Columns})
        SELECT ('00000000-0000-7000-d' || lpad(to_hex(k), 3, '0') || '-' || lpad(to_hex(i), 4, '0') || lpad(to_hex(day), 8, '0'))::uuid, 'usage_reported', 1,
               @first + day * interval '1 day', @first + day * interval '1 day',
               'usage_reported:' || ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0')) || ':' || dimension || ':' || to_char(@first + day * interval '1 day', 'YYYY-MM-DD'),
               @seller, ('00000000-0000-7000-9000-' || lpad(to_hex(i % @products), 12, '0'))::uuid,
               ('00000000-0000-7000-c000-' || lpad(to_hex(i), 12, '0'))::uuid,
               ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'public_payg',
               NULL, NULL, NULL, NULL, NULL, NULL, 'US', NULL, NULL, false, NULL, false, NULL,
               dimension, (i * 37 + day * 11) % 5000 + 1, NULL
        FROM generate_series(0, 364) AS day CROSS JOIN generate_series(0, 199) AS i
        CROSS JOIN (VALUES (0, 'api_calls'), (1, 'storage_gb')) AS dims(k, dimension)
        """,
    ];
}
