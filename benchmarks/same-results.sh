#!/usr/bin/env bash
# Checks that two builds give the same result for every patient: a change meant only to make assessments
# cheaper must not change a single byte of any answer.
#
#   benchmarks/same-results.sh BEFORE_CLI_JAR AFTER_CLI_JAR [patients]
#
# Both command-line jars assess the same requests with `assess --ndjson`: the test corpus (every vignette,
# case and rule case, as given and over the first vignette's patient) and generated patients (default
# 250,000; SameResultsRequests says how they are drawn), every request with the same asOf. The two outputs
# are compared byte for byte, with one field masked: the knowledge base's sha256, which hashes the rule
# text and so changes with any edit of a rule. Exit code 0 when they are the same, 1 when they differ
# (the first differing lines are printed), 2 on a usage or build error.
#
# Needs the benchmarks built (see timings.sh); the jars can be built from any two commits, for example
# by cloning the repository at the earlier commit and running mvn -B -q package -DskipTests there.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
WORK=$ROOT/benchmarks/target/same-results

die() { echo "same-results: $*" >&2; exit 2; }

[ $# -ge 2 ] || die "usage: benchmarks/same-results.sh BEFORE_CLI_JAR AFTER_CLI_JAR [patients]"
BEFORE=$1
AFTER=$2
PATIENTS=${3:-250000}
[ -f "$BEFORE" ] || die "$BEFORE is missing"
[ -f "$AFTER" ] || die "$AFTER is missing"
[ -f "$BENCH_JAR" ] || die "$BENCH_JAR is missing; build it: mvn -B -q install -DskipTests && mvn -B -q -f benchmarks/pom.xml package"
mkdir -p "$WORK"

# Jackson's data binding, which reads the corpus, is in the command-line jar, not in benchmarks.jar.
java -cp "$BENCH_JAR:$AFTER" org.nightpain.cds.bench.SameResultsRequests "$PATIENTS" > "$WORK/requests.ndjson"
requests=$(wc -l < "$WORK/requests.ndjson")

assess() {
    # exit code 3 means some request was invalid; its error object is part of the output compared
    java -jar "$1" assess --ndjson "$WORK/requests.ndjson" > "$WORK/$2.raw" || [ $? -eq 3 ] \
        || die "$1 failed"
    sed -E 's/"sha256":"[0-9a-f]{64}"/"sha256":"(masked)"/' "$WORK/$2.raw" > "$WORK/$2.ndjson"
}
assess "$BEFORE" before
assess "$AFTER" after

if cmp -s "$WORK/before.ndjson" "$WORK/after.ndjson"; then
    echo "same-results: the same $requests results, byte for byte (knowledge-base sha256 masked)"
else
    differing=$(diff "$WORK/before.ndjson" "$WORK/after.ndjson" | grep -c '^<' || true)
    echo "same-results: $differing of $requests results differ; the first:"
    diff "$WORK/before.ndjson" "$WORK/after.ndjson" | head -4 | cut -c1-400
    exit 1
fi
