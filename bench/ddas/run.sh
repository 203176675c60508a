#!/usr/bin/env bash
# The DDAS report for a month of 100,000 signals on PostgreSQL (issue 22): seeds two months of signals,
# cases and attempts (seed.sql) next to the demo, then times `vroegsignalering ddas` for November (the
# whole command: host start, query, JSON file) and GET /api/v1/vroegsignalering/ddas as the demo's
# policy officer, twice (cold and warm). Targets 127.0.0.1 only.
#
#   bench/ddas/run.sh "Host=127.0.0.1;Port=56400;Username=postgres;Database=regie_ddas"
set -euo pipefail
cd "$(dirname "$0")/../.."
CONN="${1:?connection string}"
PORT="${PORT:-5093}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
export REGIE_Database__Provider=Postgres REGIE_Database__ConnectionString="$CONN" REGIE_Logging__LogLevel__Default=Warning \
  REGIE_Urls="$BASE" REGIE_DataProtection__KeysPath="$WORK/keys" REGIE_Monitor__RefreshJobEnabled=false REGIE_Retention__JobEnabled=false \
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Regie.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
DLL=src/Regie.Web/bin/Release/net10.0/Regie.Web.dll
dotnet "$DLL" migrate >/dev/null
PGCONN="$(echo "$CONN" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Database=([^;]+).*/host=\1 port=\2 user=\3 dbname=\4/')"
psql_q() { psql "$PGCONN" -Atqc "$1"; }
if [ "$(psql_q 'select count(*) from "Households"')" = 0 ]; then dotnet "$DLL" seed-demo --households 200 >/dev/null; fi
if [ "$(psql_q "select count(*) from \"Vroegsignalen\" where \"Kenmerk\" like 'K11-%' or \"PartnerName\" = 'Woningcorporatie'")" = 0 ]; then
  psql "$PGCONN" -q -v gemeente=9999 -f bench/ddas/seed.sql
fi
echo "signals in November: $(psql_q "select count(*) from \"Vroegsignalen\" where \"ReceivedOn\" between '2026-11-01' and '2026-11-30'"), all signals: $(psql_q 'select count(*) from "Vroegsignalen"'), cases: $(psql_q 'select count(*) from "Vroegsignaalzaken"'), attempts: $(psql_q 'select count(*) from "Contactpogingen"')"

TIMEFORMAT='%R s wall'
echo "CLI (whole command):"
{ time dotnet "$DLL" vroegsignalering ddas --van 01-11-2026 --tot 30-11-2026 --out "$WORK/ddas.json"; } 2>&1
echo "file: $(du -h "$WORK/ddas.json" | cut -f1)"

dotnet "$DLL" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/health/live" >/dev/null && break; sleep 1; done
JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "$BASE/inloggen" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' --data-urlencode "Input.Email=beleid@voorbeeld.nl" \
  --data-urlencode "Input.Wachtwoord=Regie-demo-2026!" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/inloggen" | grep -q 302
for run in cold warm; do
  echo "API ($run): $(curl -s -b "$JAR" -o "$WORK/api.json" -w '%{http_code} %{time_starttransfer} s to first byte, %{time_total} s total, %{size_download} bytes' \
    "$BASE/api/v1/vroegsignalering/ddas?van=2026-11-01&tot=2026-11-30")"
done
