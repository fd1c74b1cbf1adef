package org.nightpain.cds.spark;

import org.apache.spark.sql.SparkSession;

/** One embedded Spark for the whole test JVM: local[2], no web UI, bound to the loopback address. */
final class SharedSpark {
    private SharedSpark() {
    }

    private static final class Holder {
        static final SparkSession SESSION = SparkSession.builder()
                .master("local[2]")
                .appName("nightpain-cds-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    static SparkSession session() {
        return Holder.SESSION;
    }
}
