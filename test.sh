#!/usr/bin/env bash
# Regie's whole test suite: unit tests, integration tests on SQLite and on a real PostgreSQL,
# and browser tests in Chromium. Installs what is missing (Debian packages), runs a throw-away
# PostgreSQL cluster on a free loopback port, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n==> %s\n' "$*"; }

apt_updated=""
install_pkgs() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then log "PostgreSQL installeren"; install_pkgs postgresql; fi
if [ ! -x /usr/bin/chromium ]; then log "Chromium installeren"; install_pkgs chromium fonts-dejavu-core; fi
if ! command -v npm >/dev/null; then log "Node.js installeren"; install_pkgs nodejs npm; fi
if ! command -v xmllint >/dev/null; then log "xmllint installeren"; install_pkgs libxml2-utils; fi

PGBIN="$(pg_bin)"
free_port() {
  local p
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port" >&2; exit 1
}
PGPORT="$(free_port)"
PGDATA="$(mktemp -d /tmp/regie-pg.XXXXXX)"
chown postgres "$PGDATA"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_pg() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap stop_pg EXIT

log "PostgreSQL-cluster starten op 127.0.0.1:$PGPORT"
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
# Durability off: this cluster lives for one test run only.
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
  -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null

export REGIE_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "Bouwen"
dotnet build Regie.slnx -c Release -nologo -clp:ErrorsOnly

results="$(mktemp)"
status=0
run_tests() {
  local label="$1"; shift
  log "Tests: $label"
  if ! dotnet test "$@" -c Release --no-build -nologo 2>&1 | tee -a "$results"; then status=1; fi
}

log "Codestijl (dotnet format, volgens .editorconfig)"
if ! dotnet format Regie.slnx --verify-no-changes -v q; then
  echo "De code wijkt af van .editorconfig: draai 'dotnet format Regie.slnx'"; status=1
fi

run_tests "domein" tests/Regie.Domain.Tests
# The integration tests write the OpenAPI document the app serves to tests/api-lint; no stale copy may pass the lint.
rm -f tests/api-lint/openapi.json
# The demo's iWmo/iJw messages are written to tests/xsd-check by the integration tests, for a second validator below.
rm -rf tests/xsd-check
REGIE_TEST_DB=sqlite run_tests "integratie op SQLite" tests/Regie.Web.Tests

log "iWmo/iJw-berichten van de demo tegen hun XSD (xmllint, naast System.Xml.Schema)"
shopt -s nullglob
berichten=(tests/xsd-check/berichten/*.xml)
if [ "${#berichten[@]}" -eq 0 ]; then echo "Geen berichten geschreven om te controleren"; status=1; fi
for f in "${berichten[@]}"; do
  soort="$(basename "$f" | cut -d_ -f1)"
  case "$soort" in JW*) map=jw ;; *) map=wmo ;; esac
  if ! out="$(xmllint --noout --schema "standards/istandaarden/$map/$soort.xsd" "$f" 2>&1)"; then echo "$out"; status=1; else echo "$out" | tail -n 1; fi
done
shopt -u nullglob

log "OpenAPI-document linten (Redocly)"
if ! (cd tests/api-lint && npm ci --no-audit --no-fund --loglevel=error >/dev/null &&
      test -s openapi.json && npx --no-install redocly lint --config redocly.yaml openapi.json); then
  echo "OpenAPI-lint mislukt (of het document is niet geschreven)"; status=1
fi
REGIE_TEST_DB=postgres run_tests "integratie op PostgreSQL" tests/Regie.Web.Tests
if [ -d tests/Regie.Browser.Tests ]; then
  REGIE_TEST_DB=postgres run_tests "browser (Chromium) op PostgreSQL" tests/Regie.Browser.Tests
fi

# One closing line over all runs, in the form CI reads.
passed=$(grep -aoE 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -aoE 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -aoE 'Skipped: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
rm -f "$results"
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" != 0 ] || [ "$passed" = 0 ]; then status=1; fi
exit "$status"
