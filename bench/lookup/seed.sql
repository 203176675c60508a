-- One million involvements of one million distinct, valid (eleven-test) BSNs outside the test range,
-- spread over the demo organisations; a tenth of them also ended. Runs once: skipped when present.
INSERT INTO "Involvements" ("Id", "Gemeentecode", "Bsn", "OrganisationId", "ContactName", "ContactPhone", "ContactEmail",
                            "StartedOn", "ExpiresOn", "EndedOn", "EndReason", "RegisteredBy", "CreatedAt")
SELECT gen_random_uuid(), '9999', b.bsn, o.ids[1 + (b.n % array_length(o.ids, 1))], 'Contactpersoon ' || b.n, '14 0999', 'contact@voorbeeld.nl',
       current_date - (b.n % 700), current_date - (b.n % 700) + 730,
       CASE WHEN b.n % 10 = 0 THEN current_date - 1 END, CASE WHEN b.n % 10 = 0 THEN 'ingetrokken' END, 'benchmark', now()
FROM (
    SELECT n, s || c AS bsn
    FROM (SELECT n, lpad(n::text, 8, '0') AS s FROM generate_series(20000000, 22300000) AS n) x,
         LATERAL (SELECT (9 * substr(s,1,1)::int + 8 * substr(s,2,1)::int + 7 * substr(s,3,1)::int + 6 * substr(s,4,1)::int
                        + 5 * substr(s,5,1)::int + 4 * substr(s,6,1)::int + 3 * substr(s,7,1)::int + 2 * substr(s,8,1)::int) % 11 AS c) k
    WHERE k.c < 10
    LIMIT 1000000
) b,
(SELECT array_agg("Id") AS ids FROM "Organisations" WHERE "Gemeentecode" = '9999') o
WHERE NOT EXISTS (SELECT 1 FROM "Involvements" WHERE "RegisteredBy" = 'benchmark');
ANALYZE "Involvements";
