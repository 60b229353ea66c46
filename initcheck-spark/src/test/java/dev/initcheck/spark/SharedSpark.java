package dev.initcheck.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One local[2] Spark context for the module's test classes (starting one takes seconds); Spark's shutdown hook
 * stops it when the JVM exits. The scheme {@code testfs://} is {@link RecordingFileSystem}.
 */
final class SharedSpark {
    private static JavaSparkContext sc;

    private SharedSpark() {
    }

    static synchronized JavaSparkContext get() {
        if (sc == null) {
            sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("initcheck-spark tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.hadoop.fs.testfs.impl", RecordingFileSystem.class.getName()));
            SparkAuditCommand.shared = sc;
        }
        return sc;
    }
}
