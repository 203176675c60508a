-- Two months of vroegsignalering at scale: 100,000 signals received in October 2026 and 100,000 in
-- November 2026 (psql variable :gemeente). Per month 90,000 cases of one signal, 10,000 of them with
-- a second signal; four in five cases with a contact attempt (a third with a second, reached one);
-- half of the cases closed with a DDAS outcome; one in ten signals anonymised by retention.
-- Deterministic ids (md5), no foreign keys needed: the report reads only these three tables.
\set ON_ERROR_STOP on
INSERT INTO "VroegsignaleringSettings" ("Gemeentecode", "TermDays", "UrgentWorkingDays", "RetentionMonths", "CodeGegevensleverancier", "LeverancierNaam",
  "KvkNummer", "ContactNaam", "ContactTelefoon", "ContactEmail", "ContactFunctie", "Version")
VALUES (:'gemeente', 28, 3, 12, 'REGIE', 'Gemeente Voorbeeld', '12345678', 'J. de Vries', '14 0999', 'ddas@voorbeeld.nl', 'Coördinator vroegsignalering', 1)
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bench_zaak AS
SELECT m, i, make_date(2026, m, 1) + (i % (CASE m WHEN 10 THEN 31 ELSE 30 END)) AS d,
       CASE WHEN i % 2 = 0 THEN (ARRAY['GeenContact','GeenHulpNodig','ZelfBetaald','BudgetadviesQuickFix','VervolghulpFinancieel','OnterechtSignaal'])[1 + (i / 2) % 6] END AS resultaat
FROM generate_series(10, 11) m, generate_series(1, 90000) i;

INSERT INTO "Vroegsignaalzaken" ("Id", "Gemeentecode", "HouseholdId", "OpenedOn", "OpenedAt", "MatchedOn", "Crisis", "DeadlineOn", "HouseholdAlreadyHelped",
  "OpgepaktOn", "ClosedOn", "ClosedAt", "ClosedBy", "ClosedByName", "Resultaat", "Version")
SELECT md5('z' || m || '-' || i)::uuid, :'gemeente', md5('h' || m || '-' || i)::uuid, d, d + time '10:00', d, i % 20 = 0, d + 28, i % 4 = 0,
       CASE WHEN i % 5 <> 0 THEN d + 3 END, CASE WHEN resultaat IS NOT NULL THEN d + 10 END, CASE WHEN resultaat IS NOT NULL THEN d + 10 + time '16:00' END,
       CASE WHEN resultaat IS NOT NULL THEN 'bench' END, CASE WHEN resultaat IS NOT NULL THEN 'Bench' END, resultaat, 1
FROM bench_zaak;

INSERT INTO "Contactpogingen" ("Id", "Gemeentecode", "ZaakId", "Soort", "Datum", "Dagdeel", "Bereikt", "RecordedBy", "RecordedByName", "RecordedAt")
SELECT md5('p1-' || m || '-' || i)::uuid, :'gemeente', md5('z' || m || '-' || i)::uuid, 'Telefoon', d + 3, 'Ochtend', false, 'bench', 'Bench', d + 3 + time '09:30'
FROM bench_zaak WHERE i % 5 <> 0
UNION ALL
SELECT md5('p2-' || m || '-' || i)::uuid, :'gemeente', md5('z' || m || '-' || i)::uuid, 'Huisbezoek', d + 5, 'Middag', true, 'bench', 'Bench', d + 5 + time '14:00'
FROM bench_zaak WHERE i % 5 <> 0 AND i % 3 = 0;

INSERT INTO "Vroegsignalen" ("Id", "Gemeentecode", "PartnerOrganisationId", "PartnerName", "PartnerSoort", "Kenmerk", "Bsn", "Voorletters", "Achternaam",
  "Geboortedatum", "Straat", "Postcode", "Huisnummer", "Woonplaats", "Bedrag", "MaandenAchterstand", "Signaaldatum", "Ontstaansdatum", "Crisis", "WarmeOverdracht",
  "ReceivedAt", "ReceivedOn", "Via", "PersonId", "HouseholdId", "ZaakId", "MatchedAt", "MatchedHow", "Status")
SELECT md5('s' || s.m || '-' || s.i)::uuid, :'gemeente', md5('partner' || s.i % 4)::uuid, (ARRAY['Woningcorporatie', 'Energie', 'Water', 'Zorg'])[1 + s.i % 4],
       (ARRAY['Huur', 'Energie', 'Water', 'Zorg'])[1 + s.i % 4], 'K' || s.m || '-' || s.i, lpad((100000000 + s.m * 1000000 + s.i)::text, 9, '0'), 'A.',
       'Bench' || s.i, date '1960-01-01' + s.i % 15000, 'Benchstraat', '1234AB', 1 + s.i % 200, 'Benchstad', 50 + s.i % 2000 + 0.5, 2, s.d - 1, s.d - 60,
       s.i % 20 = 0, s.i % 7 = 0, s.d + time '09:00', s.d, 'import', md5('p' || s.m || '-' || s.i)::uuid, md5('h' || s.m || '-' || s.zi)::uuid,
       md5('z' || s.m || '-' || s.zi)::uuid, s.d + time '09:00', 'bsn',
       CASE WHEN z.resultaat IS NULL THEN 'NogNietOpgepakt' WHEN z.resultaat = 'OnterechtSignaal' THEN 'OnterechtSignaal' ELSE 'Opgepakt' END
FROM (SELECT m, i, CASE WHEN i <= 90000 THEN i ELSE i - 90000 END AS zi,
             make_date(2026, m, 1) + (i % (CASE m WHEN 10 THEN 31 ELSE 30 END)) AS d
      FROM generate_series(10, 11) m, generate_series(1, 100000) i) s
JOIN bench_zaak z ON z.m = s.m AND z.i = s.zi;

UPDATE "Vroegsignalen" SET "AnonymisedAt" = now(), "Kenmerk" = NULL, "Bsn" = NULL, "Voorletters" = NULL, "Achternaam" = NULL, "Geboortedatum" = NULL,
  "Straat" = NULL, "Postcode" = NULL, "Huisnummer" = NULL, "Woonplaats" = NULL
WHERE "Kenmerk" LIKE 'K%' AND right("Kenmerk", 1) = '0';

ANALYZE "Vroegsignalen";
ANALYZE "Vroegsignaalzaken";
ANALYZE "Contactpogingen";
