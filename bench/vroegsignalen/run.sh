#!/usr/bin/env bash
# Issue 22: a signal partner's monthly file of ROWS signals (default 100,000) into a municipality of 100,000 households on
# PostgreSQL, through the real CLI (`vroegsignalen import`), matching included. The file is made from the registry: one
# signal per household, with the BSN where the registry has one, some with only name, birth date and address, some about
# people the registry does not know (they wait to be matched by hand). Then the same file a second time (nothing new), and,
# as the same-run baseline, PostgreSQL reading the same file into a table with COPY: the floor of getting the rows in at all.
#
#   bench/vroegsignalen/run.sh "Host=127.0.0.1;Port=56200;Username=postgres;Database=regie_signals"
set -euo pipefail
cd "$(dirname "$0")/../.."
CONN="${1:?connection string}"
ROWS="${ROWS:-100000}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export REGIE_Database__Provider=Postgres REGIE_Database__ConnectionString="$CONN" REGIE_Logging__LogLevel__Default=Warning \
  REGIE_DataProtection__KeysPath="$WORK/keys" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PSQL_CONN="$(echo "$CONN" | sed -E 's/Host=([^;]+);Port=([^;]+);Username=([^;]+);Database=([^;]+).*/host=\1 port=\2 user=\3 dbname=\4/')"
psql_q() { psql "$PSQL_CONN" -Atqc "$1"; }
now() { date +%s.%N; }

dotnet build src/Regie.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
DLL=src/Regie.Web/bin/Release/net10.0/Regie.Web.dll
dotnet "$DLL" migrate >/dev/null
if [ "$(psql_q 'select count(*) from "Households"')" = 0 ]; then dotnet "$DLL" seed-demo --households 100000 >/dev/null; fi
echo "households: $(psql_q 'select count(*) from "Households"'), persons: $(psql_q 'select count(*) from "Persons"'), signals before: $(psql_q 'select count(*) from "Vroegsignalen"')"

# One person per household (the oldest current member), in a fixed order.
psql "$PSQL_CONN" -Atq -F';' -c "select distinct on (m.\"HouseholdId\") p.\"Bsn\", p.\"Achternaam\", to_char(p.\"Geboortedatum\", 'DD-MM-YYYY'), h.\"Postcode\", h.\"Huisnummer\"
  from \"HouseholdMembers\" m join \"Persons\" p on p.\"Id\" = m.\"PersonId\" join \"Households\" h on h.\"Id\" = m.\"HouseholdId\"
  where m.\"Until\" is null order by m.\"HouseholdId\", p.\"Geboortedatum\" limit $ROWS" >"$WORK/people.txt"
RUN="$(date +%s)"
python3 - "$WORK/people.txt" "$WORK/signalen.csv" "$ROWS" "$RUN" <<'PY'
import sys, datetime
people = [l.rstrip("\n").split(";") for l in open(sys.argv[1]) if l.strip()]
rows, run = int(sys.argv[3]), sys.argv[4]
day = (datetime.date.today() - datetime.timedelta(days=2)).strftime("%d-%m-%Y")
with open(sys.argv[2], "w") as f:
    f.write("kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum\n")
    for i in range(rows):
        bsn, surname, born, postcode, number = people[i % len(people)]
        amount = f"{(i * 37) % 2400 + 25},{i % 100:02d}"
        if i % 20 == 19:   # 5 %: somebody the registry does not know
            f.write(f"B{run}-{i};;Onbekend{i};01-01-1970;9999ZZ;{i % 900 + 1};;;{amount};2;{day}\n")
        elif i % 20 >= 16 or not bsn: # no BSN at the partner (15 %, and whoever has none in the registry), matched on name, birth date and address
            f.write(f"B{run}-{i};;{surname};{born};{postcode};{number};;;{amount};2;{day}\n")
        else:              # 80 %: with the BSN
            f.write(f"B{run}-{i};{bsn};;;;;06 12345678;;{amount};2;{day}\n")
PY
echo "file: $(($(wc -l <"$WORK/signalen.csv") - 1)) rows, $(du -h "$WORK/signalen.csv" | cut -f1)"

t0=$(now); psql "$PSQL_CONN" -q -c "create temp table copied(kenmerk text, bsn text, achternaam text, geboortedatum text, postcode text, huisnummer text,
  telefoon text, email text, bedrag text, maanden text, datum text)" -c "\copy copied from '$WORK/signalen.csv' with (format csv, header, delimiter ';')"; t1=$(now)
echo "baseline (COPY of the same file into a table): $(echo "$t1 - $t0" | bc) s"
echo "load average before the import: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now); set +e; dotnet "$DLL" vroegsignalen import "$WORK/signalen.csv" --partner "Woningcorporatie Thuis" </dev/null | tail -1; set -e; t1=$(now)
IMPORT=$(echo "$t1 - $t0" | bc)
echo "import (first time, with matching): $IMPORT s"
t0=$(now); set +e; dotnet "$DLL" vroegsignalen import "$WORK/signalen.csv" --partner "Woningcorporatie Thuis" </dev/null | tail -1; set -e; t1=$(now)
echo "import (the same file again, nothing new): $(echo "$t1 - $t0" | bc) s"
echo "signals: $(psql_q 'select count(*) from "Vroegsignalen"'), matched: $(psql_q 'select count(*) from "Vroegsignalen" where "ZaakId" is not null'), open cases: $(psql_q 'select count(*) from "Vroegsignaalzaken" where "ClosedOn" is null')"
