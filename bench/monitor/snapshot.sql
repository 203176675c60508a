-- The raw SQL the precomputed monitor page stands on: one team's figures for the standard period.
SELECT "Figures" FROM "MonitorSnapshots" WHERE "Gemeentecode" = '9999' AND "Scope" = :scope AND "From" = CURRENT_DATE - INTERVAL '1 year' + INTERVAL '1 day';
