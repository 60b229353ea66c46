package dev.initcheck.spark;

import dev.initcheck.audit.Audit;
import dev.initcheck.audit.AuditRequest;
import dev.initcheck.audit.AuditResult;
import dev.initcheck.cli.AuditCommand;
import dev.initcheck.cli.AuditOptions;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code initcheck-spark audit PATH}: {@code initcheck audit} with every tensor's data read by Spark's executors
 * (the streamed tensors summarised in byte ranges, the others examined whole in tasks: {@link DistributedExaminer});
 * the same options, checks, policy and output (text, or the JSON of docs/report-schema.md, identical to the local
 * audit's). PATH may be a Hadoop URI ({@link HadoopFiles}): the driver then lists the checkpoint through Hadoop's
 * {@code FileSystem}, reading the index, {@code config.json} and the shards' headers, and its paths print as the URI.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit every tensor of a checkpoint as 'initcheck audit' does, its data read on Spark's "
                + "executors (the large tensors' summaries from byte ranges, the others examined whole in tasks). "
                + "Exit 0 conforms, 1 some tensor fails, 2 bad input or a file that cannot be read.")
final class SparkAuditCommand implements Callable<Integer> {
    /** Used when neither --master nor spark.master (spark-submit) says where to run. */
    static final String DEFAULT_MASTER = "local[2]";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A .safetensors file or a model directory: a local "
            + "path, or a Hadoop URI (hdfs://, s3a://, ...) for a safetensors checkpoint.")
    String path;

    @Mixin
    AuditOptions options;

    @Option(names = "--format", defaultValue = "text", paramLabel = "F", description = "text or json.")
    String format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the result to FILE (whole, or not at all) instead of standard output.")
    Path output;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when spark-submit does not set "
            + "one (default " + DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Partitions of the byte ranges, and tasks of the small tensors read whole (default: Spark's "
                    + "default parallelism).")
    int partitions;

    @Option(names = "--range-mib", defaultValue = "32", paramLabel = "M",
            description = "Bytes per range in MiB, rounded to whole chunks of 65536 values (default ${DEFAULT-VALUE}).")
    int rangeMib;

    @Option(names = "--range-chunks", defaultValue = "0", paramLabel = "K", hidden = true,
            description = "Values per range in chunks of 65536, overriding --range-mib (tests split small tensors).")
    int rangeChunks;

    @Option(names = "--shuffle-seed", defaultValue = "0", paramLabel = "S", hidden = true,
            description = "Deal the ranges to partitions, and the tensors read whole to tasks, in an order shuffled by "
                    + "S (0: file order).")
    long shuffleSeed;

    /** The Spark context to use instead of creating one (tests share one per JVM). */
    static JavaSparkContext shared;

    @Override
    public Integer call() throws TensorFormatException, IOException {
        request(Path.of(".")); // the options, checked before a Spark context starts
        boolean json = switch (format) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new ParameterException(spec.commandLine(), "--format must be text or json, got '"
                    + format + "'");
        };
        if (rangeMib <= 0) {
            throw new ParameterException(spec.commandLine(), "--range-mib must be positive, got " + rangeMib);
        }
        JavaSparkContext sc = shared != null ? shared : context();
        AuditResult result;
        try {
            JobProgress progress = JobProgress.attach(sc, spec.commandLine().getErr());
            DistributedSummaries.LAST.set(null);
            WholeTensorJob.LAST.set(null);
            DistributedExaminer examiner = new DistributedExaminer(sc, summaries(),
                    new WholeTensorJob(partitions, shuffleSeed));
            try {
                // a URI other than file: is listed through Hadoop, reading only the index, config and headers
                result = Audit.run(request(HadoopFiles.resolve(path, sc.hadoopConfiguration())), null, examiner);
            } finally {
                progress.finish();
            }
            DistributedSummaries.Done done = DistributedSummaries.LAST.get();
            if (done != null) {
                spec.commandLine().getErr().printf(Locale.ROOT, "%s; driver: %.3f s concluding %d tensors%n",
                        done.describe(), examiner.concludeNanos() / 1e9, done.tensors());
            }
            WholeTensorJob.Done whole = WholeTensorJob.LAST.get();
            if (whole != null) {
                spec.commandLine().getErr().println(whole.describe());
            }
        } finally {
            if (sc != shared) {
                sc.stop();
            }
        }
        StringWriter text = new StringWriter();
        if (json) {
            text.write(Json.write(AuditCommand.json(result)));
        } else {
            PrintWriter w = new PrintWriter(text);
            AuditCommand.text(w, result);
            w.flush();
        }
        write(text.toString());
        return result.conforms() ? 0 : 1;
    }

    private AuditRequest request(Path checkpoint) {
        return options.request(spec.commandLine(), checkpoint);
    }

    DistributedSummaries summaries() {
        long chunkBytes = 2L * dev.initcheck.io.ByteRanges.CHUNK; // sized for 2-byte values
        long chunks = rangeChunks > 0 ? rangeChunks : Math.max(1, ((long) rangeMib << 20) / chunkBytes);
        return new DistributedSummaries(partitions, chunks * dev.initcheck.io.ByteRanges.CHUNK, shuffleSeed);
    }

    private JavaSparkContext context() {
        JavaSparkContext sc = new JavaSparkContext(conf(master, path));
        sc.setLogLevel("WARN");
        return sc;
    }

    /**
     * The context's configuration: Spark's own ({@code spark.*} system properties, which {@code spark-submit} sets
     * from its options and {@code spark-defaults.conf}), the master given by {@code --master} over that, else
     * {@value #DEFAULT_MASTER} when none is set; the web UI off unless configured.
     */
    static SparkConf conf(String master, String path) {
        SparkConf conf = new SparkConf().setAppName("initcheck audit " + path);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        return conf;
    }

    /** Standard output, or the output file written beside it and moved into place only when complete. */
    private void write(String s) throws IOException {
        if (output == null) {
            spec.commandLine().getOut().print(s);
            return;
        }
        Path target = output.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".initcheck-spark", ".tmp");
        try {
            Files.writeString(tmp, s, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
