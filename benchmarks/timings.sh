#!/usr/bin/env bash
# Whole-process timings of nightpain-cds: start-up and batch. Each case runs several times in a fresh JVM
# under /usr/bin/time -v; the script prints the median, min and max of the wall time and of the peak
# resident set size (RSS), of the CPU time (less sensitive than wall time to other work on the machine),
# and of what the process itself reports.
#
#   benchmarks/timings.sh [create|cli|ndjson|batch|serve|screen|spark|all] [runs]
#
#   create  NightPainAssessor.create() in a fresh JVM (CreateTime: create() and the first assessment,
#           timed with System.nanoTime), on the class path a Maven user gets: the library jar and its
#           runtime dependencies, plus a quiet SLF4J provider.
#   cli     java -jar target/nightpain-cds-cli.jar assess <one patient>
#   ndjson  java -Xmx256m -jar target/nightpain-cds-cli.jar assess --ndjson <N generated patients>
#           (N = PATIENTS, default 1000000; the input is generated once into benchmarks/target/)
#   batch   BatchTime: create() and then N patients through the Java API on one thread in a fresh JVM
#           with -Xmx256m (N = PATIENTS); no JSON, so it runs before the command line exists and shows
#           what the library alone costs in a batch
#   serve   java -jar target/nightpain-cds-cli.jar serve: ServeStartTime starts it and times, from just
#           before the process starts, the first 200 of GET /cds-services, the first cards of a call, the
#           "listening" line, and SIGTERM to exit (JAVA_OPTS go to the service's JVM)
#   screen  java -Xmx512m -jar target/nightpain-cds-cli.jar screen <a generated Bulk Data export of N
#           patients, about 8 resources each> (N = PATIENTS; generated once into benchmarks/target/)
#   spark   the same export through the Spark job on local[2] (spark/ built: mvn -B -f spark/pom.xml
#           package), driver heap 2 GB, on the class path of spark/ (Spark 4.0 and the screen unshaded)
#   all     create, cli and ndjson in turn (the default)
#
# runs defaults to 10 (3 for ndjson and batch). Needs the library installed and the benchmarks built:
#   mvn -B -q install -DskipTests && mvn -B -q -f benchmarks/pom.xml package
# and, for cli, ndjson and serve, the command-line jar (mvn -B -q package -DskipTests).
# CLI_JAR names another command-line jar to time (by default target/nightpain-cds-cli.jar), for example
# a copy built from an earlier commit, to compare the two under the same conditions.
# JVM options for every run can be given in JAVA_OPTS (for example -XX:TieredStopAtLevel=1). With CDS=1,
# the warm-up run of create and cli writes an application class-data archive (AppCDS) and the timed runs
# read it (-XX:SharedArchiveFile), as a user of the command line can do.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CASE=${1:-all}
RUNS=${2:-}
PATIENTS=${PATIENTS:-1000000}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
CDS=${CDS:-0}
CLI_JAR=${CLI_JAR:-$ROOT/target/nightpain-cds-cli.jar}
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
# The benchmarks' own classes without their dependencies (a jar, not a folder: AppCDS takes only jars).
THIN_JAR=$(ls "$ROOT"/benchmarks/target/nightpain-cds-benchmarks-*.jar 2> /dev/null | head -1)
WORK=$ROOT/benchmarks/target/timings
TIME=/usr/bin/time

die() { echo "timings: $*" >&2; exit 2; }

[ -x "$TIME" ] || die "$TIME is missing (Debian package 'time'); it measures wall time and peak RSS."
[ -f "$BENCH_JAR" ] && [ -n "$THIN_JAR" ] || die "$BENCH_JAR is missing; build it: mvn -B -q install -DskipTests && mvn -B -q -f benchmarks/pom.xml package"
mkdir -p "$WORK"

need_cli() {
    [ -f "$CLI_JAR" ] || die "$CLI_JAR is missing, so the '$1' timing cannot run; build it: mvn -B -q package -DskipTests"
}

# The class path a Maven user of the library gets, plus slf4j-nop and the CreateTime main.
library_classpath() {
    local cp=$WORK/classpath.txt
    if [ ! -s "$cp" ] || [ "$ROOT/pom.xml" -nt "$cp" ] || [ "$ROOT/benchmarks/pom.xml" -nt "$cp" ]; then
        mvn -B -q -f "$ROOT/benchmarks/pom.xml" dependency:build-classpath \
            -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime \
            -Dmdep.excludeArtifactIds=jmh-core,jopt-simple,commons-math3,drools-commands,jackson-core \
            > "$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log" >&2; die "cannot resolve the library's class path"; }
    fi
    echo "$(cat "$cp"):$THIN_JAR"
}

# Prints "median min max" of the numbers on standard input.
stats() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "- - -"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%s %s %s\n", m, v[1], v[NR] }'
}

# Prints one summary line: name, then "median (min-max)" of the values of a key over the runs.
summarise() {
    local name=$1 file=$2 key=$3 unit=$4
    read -r med min max < <(grep -o "$key=[0-9.]*" "$file" | cut -d= -f2 | stats)
    printf "  %-28s %10s %s  (min %s, max %s, %d runs)\n" "$name" "$med" "$unit" "$min" "$max" \
        "$(grep -c "$key=" "$file")"
}

# "wall_s=... cpu_s=... rss_mib=..." from the report of /usr/bin/time -v.
time_report() {
    awk -F': ' '/User time/ { cpu += $2 } /System time/ { cpu += $2 }
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
        /Maximum resident set size/ { rss = $2 / 1024 }
        END { printf "wall_s=%s cpu_s=%.2f rss_mib=%.1f\n", s, cpu, rss }' "$1"
}

# CPU seconds spent so far by every process of the machine (user, nice, system, irq, softirq).
machine_busy_s() {
    awk '/^cpu / { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8) / 100 }' /proc/stat
}

# "others_cores=...": the cores that other processes kept busy during a run, on average, from the
# machine's CPU time over the run less the run's own. Runs with a high value were disturbed.
others_report() {
    local before=$1 after=$2
    awk -v b="$before" -v a="$after" -F'[= ]' '{ for (i = 1; i < NF; i++) { if ($i == "wall_s") w = $(i + 1);
        if ($i == "cpu_s") c = $(i + 1) } } END { o = (a - b - c) / (w > 0 ? w : 1); if (o < 0) o = 0;
        printf "others_cores=%.2f\n", o }' "$WORK/report.txt"
}

# Runs a command once under /usr/bin/time -v and appends its wall time, peak RSS, the load of other
# processes and its own key=value output (its standard output) to the results file.
timed_run() {
    local results=$1 before; shift
    before=$(machine_busy_s)
    "$TIME" -v -o "$WORK/time.txt" "$@" > "$WORK/own.txt"
    time_report "$WORK/time.txt" > "$WORK/report.txt"
    echo "$(cat "$WORK/report.txt") $(others_report "$before" "$(machine_busy_s)") $(tr '\n' ' ' < "$WORK/own.txt")" \
        >> "$results"
}

# Options of the discarded warm-up run and of the timed runs of a case: with CDS=1 the warm-up run
# writes the case's class-data archive and the timed runs read it.
cds_opts() {
    local name=$1
    if [ "$CDS" = 1 ]; then
        rm -f "$WORK/$name.jsa"
        WARM_OPTS="$JAVA_OPTS -XX:ArchiveClassesAtExit=$WORK/$name.jsa"
        RUN_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$WORK/$name.jsa"
    else
        WARM_OPTS=$JAVA_OPTS
        RUN_OPTS=$JAVA_OPTS
    fi
}

machine() {
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    [ -z "$JAVA_OPTS" ] || echo "JAVA_OPTS: $JAVA_OPTS"
    [ "$CDS" != 1 ] || echo "CDS: the timed runs read an application class-data archive written by the warm-up run"
}

time_create() {
    local runs=${RUNS:-10} results=$WORK/create.txt cp
    cp=$(library_classpath)
    : > "$results"
    echo "create: NightPainAssessor.create() in a fresh JVM, $runs runs (plus one discarded warm-up run)"
    cds_opts create
    # shellcheck disable=SC2086
    "$JAVA" $WARM_OPTS -cp "$cp" org.nightpain.cds.bench.CreateTime > /dev/null 2> "$WORK/warm-up.log"
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        timed_run "$results" "$JAVA" $RUN_OPTS -cp "$cp" org.nightpain.cds.bench.CreateTime
    done
    summarise "create()" "$results" create_ms ms
    summarise "first assessment" "$results" first_assessment_ms ms
    summarise "JVM wall time" "$results" wall_s s
    summarise "JVM CPU time (user+sys)" "$results" cpu_s s
    summarise "peak RSS" "$results" rss_mib MiB
    summarise "classes loaded" "$results" classes_loaded classes
    summarise "other processes" "$results" others_cores cores
}

# One patient: the request example of the contract.
one_patient() {
    local file=$WORK/one-patient.json
    printf '%s\n' '{"id": "case-17", "ageYears": 45, "symptomDurationWeeks": 1, "radicularLegPain": "UNILATERAL",' \
        ' "urinaryRetention": "YES", "saddleAnaesthesia": "YES", "feverOrRigorsReported": "NO"}' > "$file"
    echo "$file"
}

time_cli() {
    need_cli cli
    local runs=${RUNS:-10} results=$WORK/cli.txt patient
    patient=$(one_patient)
    : > "$results"
    echo "cli: java -jar target/nightpain-cds-cli.jar assess <one patient>, $runs runs (plus one discarded warm-up run)"
    cds_opts cli
    # shellcheck disable=SC2086
    "$JAVA" $WARM_OPTS -jar "$CLI_JAR" assess "$patient" > /dev/null 2> "$WORK/warm-up.log"
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        timed_run "$results" "$JAVA" $RUN_OPTS -jar "$CLI_JAR" assess "$patient"
        grep -q '"highestUrgency"' "$WORK/own.txt" || die "the CLI printed no assessment: $(head -c 300 "$WORK/own.txt")"
        : > "$WORK/own.txt"
    done
    summarise "JVM wall time" "$results" wall_s s
    summarise "JVM CPU time (user+sys)" "$results" cpu_s s
    summarise "peak RSS" "$results" rss_mib MiB
    summarise "other processes" "$results" others_cores cores
}

time_ndjson() {
    need_cli ndjson
    local runs=${RUNS:-3} results=$WORK/ndjson.txt input=$WORK/patients-$PATIENTS.ndjson lines before
    if [ ! -s "$input" ]; then
        echo "generating $PATIENTS patients into $input"
        "$JAVA" -cp "$BENCH_JAR" org.nightpain.cds.bench.GeneratePatients "$PATIENTS" > "$input"
    fi
    : > "$results"
    echo "ndjson: java -Xmx256m -jar target/nightpain-cds-cli.jar assess --ndjson --progress <$PATIENTS patients>, $runs runs"
    for _ in $(seq "$runs"); do
        # The results are counted, not kept: a million results take gigabytes. /usr/bin/time times the
        # JVM alone; wc only counts the lines it writes (its CPU shows in others_cores). The GC log shows
        # whether the heap stays flat; the progress lines give the rate over the second half of the run,
        # after the JIT compilers have done most of their work.
        before=$(machine_busy_s)
        # shellcheck disable=SC2086
        "$TIME" -v -o "$WORK/time.txt" "$JAVA" $JAVA_OPTS -Xmx256m -Xlog:gc:file="$WORK/ndjson-gc.log" \
            -jar "$CLI_JAR" assess --ndjson --progress "$input" 2> "$WORK/ndjson-progress.txt" \
            | wc -l > "$WORK/count.txt"
        lines=$(cat "$WORK/count.txt")
        [ "$lines" -eq "$PATIENTS" ] || die "assess --ndjson wrote $lines lines for $PATIENTS patients"
        time_report "$WORK/time.txt" > "$WORK/report.txt"
        echo "$(awk -v n="$PATIENTS" '{ w = $1; sub("wall_s=", "", w); printf "%s patients_per_s=%.0f", $0, n / w }' \
                "$WORK/report.txt") $(others_report "$before" "$(machine_busy_s)") $(second_half_rate) $(heap_after_gc)" \
            >> "$results"
    done
    summarise "wall time" "$results" wall_s s
    summarise "CPU time (user+sys)" "$results" cpu_s s
    summarise "patients per second" "$results" patients_per_s "/s"
    summarise "  over the second half" "$results" second_half_per_s "/s"
    summarise "peak RSS" "$results" rss_mib MiB
    summarise "heap after GC, largest" "$results" heap_after_gc_max_mib MiB
    summarise "heap after GC, median" "$results" heap_after_gc_median_mib MiB
    summarise "full GCs" "$results" full_gcs ""
    summarise "other processes" "$results" others_cores cores
}

time_serve() {
    need_cli serve
    local runs=${RUNS:-10} results=$WORK/serve.txt
    : > "$results"
    echo "serve: java -jar target/nightpain-cds-cli.jar serve --port <free port>, $runs runs (plus one discarded warm-up run)"
    # shellcheck disable=SC2086
    "$JAVA" -cp "$BENCH_JAR" org.nightpain.cds.bench.ServeStartTime "$CLI_JAR" $JAVA_OPTS > /dev/null 2> "$WORK/warm-up.log"
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        timed_run "$results" "$JAVA" -cp "$BENCH_JAR" org.nightpain.cds.bench.ServeStartTime "$CLI_JAR" $JAVA_OPTS
        grep -q 'discovery_ms=' "$WORK/own.txt" || die "ServeStartTime printed no timing: $(head -c 300 "$WORK/own.txt")"
    done
    summarise "discovery answered" "$results" discovery_ms ms
    summarise "first call answered" "$results" first_call_ms ms
    summarise "'listening' printed" "$results" listening_line_ms ms
    summarise "SIGTERM to exit" "$results" stop_ms ms
    summarise "CPU time, service and poller" "$results" cpu_s s
    summarise "other processes" "$results" others_cores cores
}

# "second_half_per_s=...": records per second between the progress lines at half and at the end of
# the run. Each line gives records done and the mean rate since the start, so its time is their ratio.
second_half_rate() {
    awk '/ records, / { n[++k] = $1; t[k] = $1 / $3 } END {
        if (k < 2) { print "second_half_per_s=-"; exit }
        for (i = 1; i < k && n[i] < n[k] / 2; i++) { }
        printf "second_half_per_s=%.0f\n", (n[k] - n[i]) / (t[k] - t[i]) }' "$WORK/ndjson-progress.txt"
}

# The heap after each young collection (largest and median, MiB) and the number of full collections,
# from the GC log named (the ndjson case's by default).
heap_after_gc() {
    local log=${1:-$WORK/ndjson-gc.log}
    grep 'Pause Young' "$log" | sed -E 's/.*->([0-9]+)M\(.*/\1/' | sort -g | awk '{ v[NR] = $1 }
        END { printf "heap_after_gc_max_mib=%s heap_after_gc_median_mib=%s ", v[NR], v[int((NR + 1) / 2)] }'
    printf "full_gcs=%s\n" "$(grep -c 'Pause Full' "$log")"
}

# A generated Bulk Data export of PATIENTS patients (seed 1), made once.
bulk_export() {
    local export=$WORK/bulk-$PATIENTS
    if [ ! -s "$export/manifest.json" ]; then
        echo "generating a Bulk Data export of $PATIENTS patients into $export" >&2
        "$JAVA" -cp "$CLI_JAR" org.nightpain.cds.screening.SyntheticBulkExport "$export" "$PATIENTS" 1 2> "$WORK/generate.log" \
            || { cat "$WORK/generate.log" >&2; die "cannot generate the export"; }
    fi
    echo "$export"
}

# "patients_per_s=... read_s=...": from a screen's progress lines and the run's wall time.
screen_report() {
    local progress=$1
    awk -v n="$PATIENTS" -F'[= ]' '{ for (i = 1; i < NF; i++) if ($i == "wall_s") w = $(i + 1) }
        END { printf "patients_per_s=%.0f", n / w }' "$WORK/report.txt"
    awk '/^read [0-9]+ records in/ { printf " read_s=%s", $5 } END { print "" }' "$progress"
}

time_screen() {
    need_cli screen
    local runs=${RUNS:-1} results=$WORK/screen.txt export before
    export=$(bulk_export)
    : > "$results"
    echo "screen: java -Xmx512m -jar target/nightpain-cds-cli.jar screen <$PATIENTS patients, $(du -sh "$export" | cut -f1)>, $runs runs"
    for _ in $(seq "$runs"); do
        rm -rf "$WORK/screen-out"
        before=$(machine_busy_s)
        # shellcheck disable=SC2086
        "$TIME" -v -o "$WORK/time.txt" "$JAVA" $JAVA_OPTS -Xmx512m -Xlog:gc:file="$WORK/screen-gc.log" \
            -jar "$CLI_JAR" screen "$export" --out "$WORK/screen-out" 2> "$WORK/screen-progress.txt"
        grep -q "patients: $PATIENTS assessed" "$WORK/screen-progress.txt" || die "screen did not assess every patient: $(tail -5 "$WORK/screen-progress.txt")"
        # 8.5 KB a patient: do not leave gigabytes inside the source tree (the rule compiler reads it).
        rm -f "$WORK/screen-out/assessments.ndjson"
        time_report "$WORK/time.txt" > "$WORK/report.txt"
        echo "$(cat "$WORK/report.txt") $(screen_report "$WORK/screen-progress.txt") $(others_report "$before" "$(machine_busy_s)")" \
            "$(heap_after_gc "$WORK/screen-gc.log")" >> "$results"
    done
    summarise "wall time" "$results" wall_s s
    summarise "  of which reading (1st pass)" "$results" read_s s
    summarise "CPU time (user+sys)" "$results" cpu_s s
    summarise "patients per second" "$results" patients_per_s "/s"
    summarise "peak RSS" "$results" rss_mib MiB
    summarise "heap after GC, largest" "$results" heap_after_gc_max_mib MiB
    summarise "heap after GC, median" "$results" heap_after_gc_median_mib MiB
    summarise "full GCs" "$results" full_gcs ""
    summarise "other processes" "$results" others_cores cores
}

time_spark() {
    need_cli spark
    local runs=${RUNS:-1} results=$WORK/spark.txt export before cp
    export=$(bulk_export)
    cp=$WORK/spark-classpath.txt
    [ -d "$ROOT/spark/target/classes" ] || die "spark/ is not built: mvn -B -f spark/pom.xml package"
    mvn -B -q -f "$ROOT/spark/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test \
        > "$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log" >&2; die "cannot resolve spark/'s class path"; }
    : > "$results"
    echo "spark: NightPainScreening on local[2] over <$PATIENTS patients>, driver -Xmx2g, $runs runs"
    for _ in $(seq "$runs"); do
        rm -rf "$WORK/spark-out"
        before=$(machine_busy_s)
        # shellcheck disable=SC2046,SC2086
        "$TIME" -v -o "$WORK/time.txt" "$JAVA" $JAVA_OPTS -Xmx2g $(spark_opens) -Dspark.master='local[2]' \
            -Dspark.ui.enabled=false -Dspark.driver.bindAddress=127.0.0.1 -Dspark.driver.host=127.0.0.1 \
            -cp "$ROOT/spark/target/classes:$(library_jar):$(tr ':' '\n' < "$cp" | grep -v '/org/nightpain/' | paste -sd:)" \
            org.nightpain.cds.spark.NightPainScreening "$export" \
            --out "$WORK/spark-out" > "$WORK/spark-log.txt" 2>&1 || { tail -20 "$WORK/spark-log.txt" >&2; die "the Spark job failed"; }
        grep -q "patients $PATIENTS assessed" "$WORK/spark-log.txt" || die "the Spark job did not assess every patient"
        time_report "$WORK/time.txt" > "$WORK/report.txt"
        echo "$(cat "$WORK/report.txt") $(screen_report /dev/null) $(others_report "$before" "$(machine_busy_s)")" >> "$results"
    done
    summarise "wall time" "$results" wall_s s
    summarise "CPU time (user+sys)" "$results" cpu_s s
    summarise "patients per second" "$results" patients_per_s "/s"
    summarise "peak RSS" "$results" rss_mib MiB
    summarise "other processes" "$results" others_cores cores
}

# The library jar of this tree (the local Maven repository may hold another build of the same version).
library_jar() {
    # the library itself, not its sources or javadoc jar
    ls "$ROOT"/target/nightpain-cds-[0-9]*.jar 2> /dev/null | grep -v -e '-cli' -e '-sources' -e '-javadoc' | head -1
}

# The --add-opens flags Spark's launcher adds on Java 17, as spark/pom.xml lists them for the tests.
spark_opens() {
    sed -n '/<spark.test.argLine>/,/<\/spark.test.argLine>/p' "$ROOT/spark/pom.xml" \
        | sed -e 's/<[^>]*>//g' | tr -s ' \n' ' ' | sed 's/-Xmx[^ ]*//'
}

time_batch() {
    local runs=${RUNS:-3} results=$WORK/batch.txt cp
    cp=$(library_classpath)
    : > "$results"
    echo "batch: create() and $PATIENTS assessments through the Java API, one thread, -Xmx256m, $runs runs"
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        timed_run "$results" "$JAVA" $JAVA_OPTS -Xmx256m -cp "$cp" org.nightpain.cds.bench.BatchTime "$PATIENTS"
    done
    summarise "JVM wall time" "$results" wall_s s
    summarise "JVM CPU time (user+sys)" "$results" cpu_s s
    summarise "assessments per second" "$results" assessments_per_s "/s"
    summarise "peak RSS" "$results" rss_mib MiB
    summarise "other processes" "$results" others_cores cores
    echo "  mean and marginal cost per patient by batch size (last run):"
    grep "^batch=" "$WORK/own.txt" | sed 's/^/    /'
}

machine
case "$CASE" in
    create) time_create ;;
    cli) time_cli ;;
    ndjson) time_ndjson ;;
    batch) time_batch ;;
    serve) time_serve ;;
    screen) time_screen ;;
    spark) time_spark ;;
    all) time_create; time_cli; time_ndjson ;;
    *) die "unknown case '$CASE': use create, cli, ndjson, batch, serve, screen, spark or all" ;;
esac
