-- Scratch experiment for the "voornaam + achternaam" search (see docs/BENCHMARKS.md).
-- Run on a throw-away copy of a seeded benchmark database, never on a real one:
--   psql -h 127.0.0.1 -p 56100 -U postgres -c 'CREATE DATABASE scratch TEMPLATE regie_bench'
--   psql -h 127.0.0.1 -p 56100 -U postgres -d scratch -f docs/benchmarks/voornaam-experiment.sql
-- Times are server-side (clock_timestamp around each statement in PL/pgSQL), not in-process.

CREATE EXTENSION IF NOT EXISTS unaccent;
-- Stand-in for a column the application would fill: ' ' + PersonName.SearchKeyOf(each first name).
ALTER TABLE "Persons" ADD COLUMN IF NOT EXISTS "ZoekVoornamen" varchar(200);
UPDATE "Persons" SET "ZoekVoornamen" = ' ' || regexp_replace(lower(unaccent("Voornamen")), '[^a-z0-9 ]', '', 'g');
CREATE INDEX IF NOT EXISTS "IX_test_naam_incl" ON "Persons" ("Gemeentecode", "ZoekNaam", "Geboortedatum") INCLUDE ("ZoekVoornamen", "Id");
VACUUM ANALYZE "Persons";

SELECT setseed(0.42);
-- 2,000 persons; per person the query a user would type: first voornaam + 3-5 letters of the surname key.
CREATE TEMP TABLE sample AS
SELECT p."Id", left(p."ZoekNaam", 3 + floor(random() * 3)::int) AS low, split_part(trim(p."ZoekVoornamen"), ' ', 1) AS vk
FROM "Persons" p ORDER BY random() LIMIT 2000;
ALTER TABLE sample ADD high text;
UPDATE sample SET high = left(low, length(low) - 1) || chr(ascii(right(low, 1)) + 1);  -- no key ends in 'z' or '9' here

CREATE TEMP TABLE res(kind text, ms float8, found bool, rows int);
DO $$
DECLARE s record; t0 timestamptz; ids uuid[];
BEGIN
  FOR s IN SELECT * FROM sample LOOP
    -- A: what PersonSearch does today: 500 rows of the surname range, first name filtered afterwards.
    t0 := clock_timestamp();
    SELECT array_agg("Id") INTO ids FROM (
      SELECT * FROM "Persons"
      WHERE "Gemeentecode" = '9999' AND "ZoekNaam" >= s.low AND "ZoekNaam" < s.high
      ORDER BY "ZoekNaam", "Geboortedatum" LIMIT 500) x
    WHERE "ZoekVoornamen" LIKE '% ' || s.vk || '%';
    INSERT INTO res VALUES ('A current: LIMIT 500, voornaam filtered in app', extract(epoch FROM clock_timestamp() - t0) * 1000,
      s."Id" = ANY(coalesce(ids, '{}')), coalesce(array_length(ids, 1), 0));

    -- B: first name filtered in SQL, whole rows.
    t0 := clock_timestamp();
    SELECT array_agg("Id") INTO ids FROM (
      SELECT * FROM "Persons"
      WHERE "Gemeentecode" = '9999' AND "ZoekNaam" >= s.low AND "ZoekNaam" < s.high AND "ZoekVoornamen" LIKE '% ' || s.vk || '%'
      ORDER BY "ZoekNaam", "Geboortedatum" LIMIT 51) x;
    INSERT INTO res VALUES ('B ZoekVoornamen filter in SQL, heap rows', extract(epoch FROM clock_timestamp() - t0) * 1000,
      s."Id" = ANY(coalesce(ids, '{}')) OR array_length(ids, 1) = 51, coalesce(array_length(ids, 1), 0));

    -- C: ids from an index-only scan that filters on the INCLUDE column, then rows by primary key.
    t0 := clock_timestamp();
    SELECT array_agg(p."Id") INTO ids FROM "Persons" p WHERE p."Id" IN (
      SELECT "Id" FROM "Persons"
      WHERE "Gemeentecode" = '9999' AND "ZoekNaam" >= s.low AND "ZoekNaam" < s.high AND "ZoekVoornamen" LIKE '% ' || s.vk || '%'
      ORDER BY "ZoekNaam", "Geboortedatum" LIMIT 51);
    INSERT INTO res VALUES ('C filter on covering index, then by Id', extract(epoch FROM clock_timestamp() - t0) * 1000,
      s."Id" = ANY(coalesce(ids, '{}')) OR array_length(ids, 1) = 51, coalesce(array_length(ids, 1), 0));
  END LOOP;
END $$;

-- "missed": the person the query was made from is not in a result that was not cut off at 51.
SELECT kind, count(*) AS n,
       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3) AS p50_ms,
       round(percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 3) AS p99_ms,
       round(100.0 * count(*) FILTER (WHERE NOT found) / count(*), 1) AS missed_pct,
       round(avg(rows), 1) AS rows_avg
FROM res GROUP BY kind ORDER BY kind;
