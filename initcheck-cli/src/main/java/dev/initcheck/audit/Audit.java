package dev.initcheck.audit;

import dev.initcheck.app.HeapGuard;
import dev.initcheck.app.HeapShare;
import dev.initcheck.app.TensorCheck;
import dev.initcheck.app.TensorPrefix;
import dev.initcheck.app.TensorTasks;
import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.LawFit;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code initcheck audit}: every tensor of a checkpoint against the law its policy or preset declares.
 *
 * <p><b>Declarations.</b> For each tensor, in this order: the first policy rule whose pattern covers its name;
 * a tensor sharing storage with an earlier one in a PyTorch file (tied weights saved once) is tied to it; the
 * preset ({@link Preset}); otherwise it is undeclared.
 *
 * <p><b>Budget.</b> Every tensor examined statistically (declared by a law, or undeclared and identified) gets
 * alpha/T of the run's budget alpha (Bonferroni over the T examined tensors), and splits it over its own checks; a
 * conforming checkpoint therefore fails with probability at most alpha. Ties and stream reuse are deterministic
 * ({@link StreamReuse}) and spend nothing, so tensor pairs do not shrink every other check's share as T grows.
 *
 * <p><b>Statuses.</b> pass, fail, inconclusive (declared, not rejected, but some check could not have seen a relevant
 * error at this size), undeclared (identified; a tensor that no law explains, such as uninitialized memory, fails),
 * skipped (a {@code skip} rule, a non-float dtype, no elements). A tied tensor passes when it equals its target bit
 * for bit. A tensor whose first values are an affine image of another's fails, both of them.
 */
public final class Audit {
    private Audit() {
    }

    /**
     * Audits a checkpoint.
     *
     * @throws TensorFormatException for an unreadable file
     * @throws IllegalArgumentException for a bad policy, directory, index or config, or a declaration the tensor's
     *     shape cannot carry (one line naming the tensor and the rule)
     */
    public static AuditResult run(AuditRequest r, TensorTasks.Progress progress) throws TensorFormatException {
        return run(r, progress, Audit::examineAll);
    }

    /**
     * Examines the tensors of a checkpoint: each gets {@link #examine} or work that gives the same result (the
     * distributed audit computes the streamed tensors' summaries on a cluster).
     */
    @FunctionalInterface
    public interface Examiner {
        /** One result per item, in the items' order. */
        List<Examined> examineAll(List<Checkpoint.Item> items, List<Declaration> declarations, AlphaShare alpha,
                                  TensorCheck.KsMode ks, TensorTasks.Progress progress) throws TensorFormatException;

        /**
         * The {@link #valuesHash} of each of {@code items} (the tensors the tie checks compare), by name; the ones
         * left out are computed in this JVM when a tie check needs them. By default none: all are computed here.
         *
         * @throws TensorFormatException for a tensor that cannot be read
         */
        default Map<String, long[]> valuesHashes(List<Checkpoint.Item> items) throws TensorFormatException {
            return Map.of();
        }
    }

    /** Audits a checkpoint whose tensors {@code examiner} examines; declarations and conclusions as {@link #run}. */
    public static AuditResult run(AuditRequest r, TensorTasks.Progress progress, Examiner examiner)
            throws TensorFormatException {
        Checkpoint cp = Checkpoint.open(r.path());
        Policy policy = r.policy() == null ? null : Policy.read(r.policy());
        Preset preset = r.preset() != null ? r.preset() : policy == null ? null : policy.preset().orElse(null);
        ModelConfig config = new ModelConfig(Optional.ofNullable(r.initializerRange()),
                policy == null ? Optional.empty() : policy.initializerRange(), cp.config(), cp.configFile());
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, Checkpoint.Item> items = new HashMap<>();
        for (Checkpoint.Item it : cp.tensors()) {
            shapes.put(it.name(), it.info().shape());
            items.put(it.name(), it);
        }
        List<Declaration> declarations = new ArrayList<>();
        int examined = 0;
        for (Checkpoint.Item it : cp.tensors()) {
            Declaration d = declare(it, policy, preset, cp, shapes, config);
            declarations.add(d);
            examined += d == null || d.kind() == Declaration.Kind.SCHEME ? 1 : 0;
        }
        AlphaBudget budget = AlphaBudget.of(r.alpha(), Math.max(1, examined));

        Set<Set<String>> exempt = new HashSet<>();
        cp.aliases().forEach((alias, of) -> exempt.add(Set.of(alias, of))); // one storage, whatever the rules say
        List<Examined> done = examiner.examineAll(cp.tensors(), declarations, budget.tensorShare(), r.ks(), progress);
        List<StreamReuse.Prefix> prefixes = new ArrayList<>();
        for (Examined e : done) {
            Checkpoint.Item it = e.item();
            if (e.prefix() != null) {
                prefixes.add(new StreamReuse.Prefix(it.name(), e.prefix(), TensorCheck.precision(it.info().dtype())));
            }
            if (e.declaration() != null && e.declaration().kind() == Declaration.Kind.TIED) {
                exempt.add(Set.of(it.name(), e.declaration().tiedTo()));
            }
        }
        List<StreamReuse.Match> reuse = StreamReuse.find(prefixes, exempt);
        Set<String> prefixed = new HashSet<>();
        prefixes.forEach(p -> prefixed.add(p.name()));

        Map<String, long[]> hashes = new HashMap<>(examiner.valuesHashes(tieOperands(done, items)));
        List<TensorAudit> out = new ArrayList<>();
        for (Examined e : done) {
            Checkpoint.Item it = e.item();
            List<CheckResult> cross = new ArrayList<>();
            if (e.declaration() != null && e.declaration().kind() == Declaration.Kind.TIED) {
                cross.add(tie(it, items.get(e.declaration().tiedTo()), e.declaration().tiedTo(), hashes));
            }
            if (prefixed.contains(it.name())) {
                cross.add(StreamReuse.check(it.name(), reuse));
            }
            out.add(new TensorAudit(it.name(), it.file(), it.info().shape(), it.info().dtype().name(),
                    e.declaration(), status(e, cross), e.verdict(), cross, e.identified(), e.note(), e.path(),
                    e.seconds()));
        }
        for (Checkpoint.Skipped s : cp.skipped()) {
            out.add(new TensorAudit(s.tensor().name(), s.file(), new long[0], s.tensor().dtype(), null,
                    TensorStatus.SKIPPED, null, List.of(), null, s.tensor().reason(), null, Double.NaN));
        }
        return new AuditResult(r.path(), r.policy(), preset, budget, r.strict(), out);
    }

    private static Declaration declare(Checkpoint.Item it, Policy policy, Preset preset, Checkpoint cp,
                                       Map<String, long[]> shapes, ModelConfig config) {
        if (policy != null) {
            Optional<Policy.Rule> rule = policy.match(it.name());
            if (rule.isPresent()) {
                Policy.Rule x = rule.get();
                if (x.skip()) {
                    return Declaration.skip(x.describe());
                }
                if (x.tiedTo() != null) {
                    if (x.tiedTo().equals(it.name())) {
                        throw new IllegalArgumentException(policy.source() + ": " + x.describe() + " ties tensor '"
                                + it.name() + "' to itself");
                    }
                    return Declaration.tied(x.describe(), x.tiedTo());
                }
                return Declaration.scheme(x.describe(), x.scheme(),
                        new TensorCheck.TensorSpec(x.layout(), x.fanIn(), x.fanOut(), null));
            }
        }
        String alias = cp.aliases().get(it.name());
        if (alias != null) {
            return Declaration.tied("shares its storage with " + alias + " in " + it.file().getFileName(), alias);
        }
        if (preset != null) {
            try {
                return preset.place(it.name(), shapes, config).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(it.file() + ": " + e.getMessage());
            }
        }
        return null;
    }

    /**
     * Examines every tensor, several at a time ({@link TensorTasks}): a streamed tensor holds a few chunk buffers
     * and its line hashes, and tensors read whole take a share of the heap ({@link HeapShare}) before they start.
     */
    private static List<Examined> examineAll(List<Checkpoint.Item> items, List<Declaration> declarations,
                                             AlphaShare alpha, TensorCheck.KsMode ks, TensorTasks.Progress progress)
            throws TensorFormatException {
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            index.add(i);
        }
        return TensorTasks.runAll(index, i -> items.get(i).info().size(), i -> items.get(i).info().byteSize(),
                i -> timed(items.get(i), declarations.get(i), alpha, ks),
                progress);
    }

    /**
     * One tensor's own work: its checks or its identification, its prefix, and how long it took.
     *
     * @param item        the tensor
     * @param declaration its declaration, or null
     * @param verdict     the declared law's checks, or null
     * @param identified  the law identified for an undeclared tensor, or null
     * @param prefix      its first values in storage order (stream reuse), or null
     * @param note        why it was not identified, or null
     * @param path        how its values were checked, or null
     * @param seconds     wall-clock seconds of its examination in this JVM; NaN when not measured
     */
    public record Examined(Checkpoint.Item item, Declaration declaration, Verdict verdict, Identified identified,
                           double[] prefix, String note, String path, double seconds) {
        /** An examination whose time was not measured. */
        public Examined(Checkpoint.Item item, Declaration declaration, Verdict verdict, Identified identified,
                        double[] prefix, String note, String path) {
            this(item, declaration, verdict, identified, prefix, note, path, Double.NaN);
        }

        Examined took(double s) {
            return new Examined(item, declaration, verdict, identified, prefix, note, path, s);
        }
    }

    /** {@link #examine} with its wall-clock time (NaN for a tensor not examined: skipped or tied). */
    private static Examined timed(Checkpoint.Item it, Declaration d, AlphaShare alpha, TensorCheck.KsMode ks)
            throws TensorFormatException {
        long start = System.nanoTime();
        Examined e = examine(it, d, alpha, ks);
        return e.verdict() == null && e.identified() == null ? e : e.took((System.nanoTime() - start) / 1e9);
    }

    /** A declared tensor's result from its checks ({@link TensorCheck#check} or a distributed equivalent). */
    public static Examined checked(Checkpoint.Item it, Declaration d, TensorCheck.Checked c) {
        Verdict v = c.verdict();
        boolean random = v.expectation().distribution().variance() > 0;
        return new Examined(it, d, v, null, random ? c.prefix() : null, null, c.path());
    }

    /** The message of a declaration the tensor's shape cannot carry: file, tensor, rule, problem. */
    public static IllegalArgumentException badDeclaration(Checkpoint.Item it, Declaration d,
                                                          IllegalArgumentException e) {
        return new IllegalArgumentException(it.file() + ": tensor '" + it.name() + "': " + d.origin() + ": "
                + e.getMessage());
    }

    /** One tensor examined in this JVM: its declared checks, or its identification. */
    public static Examined examine(Checkpoint.Item it, Declaration d, AlphaShare alpha, TensorCheck.KsMode ks)
            throws TensorFormatException {
        TensorCheck.Target target = new TensorCheck.Target(it.file(), it.name());
        if (d != null && d.kind() != Declaration.Kind.SCHEME) {
            return new Examined(it, d, null, null, null, null, null);
        }
        if (d != null) {
            try {
                return checked(it, d, TensorCheck.check(target, d.scheme(), d.spec(), alpha, ks, 1));
            } catch (IllegalArgumentException e) {
                throw badDeclaration(it, d, e);
            }
        }
        return HeapShare.run(identifyBytes(it), () -> identify(it, target, alpha));
    }

    private static Examined identify(Checkpoint.Item it, TensorCheck.Target target, AlphaShare alpha)
            throws TensorFormatException {
        TensorInfo info = it.info();
        try (TensorSource src = TensorFiles.open(it.file(), it.name())) {
            Expectation shape = TensorCheck.expectation(target, info, Scheme.parse("zeros"),
                    TensorCheck.TensorSpec.of(Layout.PYTORCH));
            if (info.size() > TensorSource.MAX_ARRAY_ELEMENTS || !HeapGuard.fits(HeapGuard.identifyBytes(shape,
                    info.size()))) {
                double[] prefix = info.fortranOrder() && info.rank() > 1 ? null // compared in C order only
                        : TensorPrefix.read(src, StreamReuse.PREFIX);
                return new Examined(it, null, null, null, prefix,
                        "not identified: its values do not fit in the heap (give the JVM more with -Xmx)", null);
            }
            Precision p = TensorCheck.precision(info.dtype());
            double[] values = src.readAllCOrder();
            LawFit.Result fit = LawFit.fit(values, shape.shape(), shape.layout(), shape.fans(), p, alpha);
            Identified id = new Identified(fit.family(), fit.description(),
                    fit.scheme() == null ? null : fit.scheme().toString(), fit.recognized(), fit.explained(),
                    fit.verdict());
            boolean random = fit.explained() && !fit.family().equals("constant");
            double[] prefix = Arrays.copyOf(values, (int) Math.min(values.length, StreamReuse.PREFIX));
            return new Examined(it, null, null, id, random ? prefix : null, null, "exact");
        }
    }

    /** Heap identification needs: the values, a sorted copy and the transients of the checks. */
    private static long identifyBytes(Checkpoint.Item it) {
        return 24 * it.info().size();
    }

    private static TensorStatus status(Examined e, List<CheckResult> cross) {
        if (cross.stream().anyMatch(CheckResult::failed)) {
            return TensorStatus.FAIL;
        }
        Declaration d = e.declaration();
        if (d == null) {
            return e.identified() != null && !e.identified().explained() ? TensorStatus.FAIL
                    : TensorStatus.UNDECLARED;
        }
        return switch (d.kind()) {
            case SKIP -> TensorStatus.SKIPPED;
            case TIED -> TensorStatus.PASS;
            case SCHEME -> switch (e.verdict().status()) {
                case PASS -> TensorStatus.PASS;
                case FAIL -> TensorStatus.FAIL;
                case INCONCLUSIVE -> TensorStatus.INCONCLUSIVE;
            };
        };
    }

    /** The tensors whose values the tie checks hash: each tied tensor and its target, when dtype and shape agree. */
    private static List<Checkpoint.Item> tieOperands(List<Examined> done, Map<String, Checkpoint.Item> items) {
        Map<String, Checkpoint.Item> out = new LinkedHashMap<>();
        for (Examined e : done) {
            if (e.declaration() != null && e.declaration().kind() == Declaration.Kind.TIED) {
                Checkpoint.Item target = items.get(e.declaration().tiedTo());
                if (target != null && comparable(e.item().info(), target.info())) {
                    out.putIfAbsent(e.item().name(), e.item());
                    out.putIfAbsent(target.name(), target);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static boolean comparable(TensorInfo a, TensorInfo b) {
        return a.dtype() == b.dtype() && Arrays.equals(a.shape(), b.shape());
    }

    /** Bit-for-bit equality with the tensor it is tied to (dtype, shape, and a 128-bit hash of the values). */
    private static CheckResult tie(Checkpoint.Item self, Checkpoint.Item target, String targetName,
                                   Map<String, long[]> hashes) throws TensorFormatException {
        if (target == null) {
            return CheckResult.hard(CheckName.TIED, false, Double.NaN, Double.NaN, Double.NaN, "tied to "
                    + targetName + ", which the checkpoint does not hold", Map.<String, Object>of());
        }
        TensorInfo a = self.info();
        TensorInfo b = target.info();
        if (!comparable(a, b)) {
            return CheckResult.hard(CheckName.TIED, false, Double.NaN, Double.NaN, Double.NaN, "tied to "
                    + targetName + ", but it is " + a.dtype() + " " + TensorInfo.formatShape(a.shape()) + " and "
                    + targetName + " is " + b.dtype() + " " + TensorInfo.formatShape(b.shape()),
                    Map.<String, Object>of());
        }
        boolean equal = Arrays.equals(hash(self, hashes), hash(target, hashes));
        return CheckResult.hard(CheckName.TIED, equal, Double.NaN, Double.NaN, Double.NaN, equal
                ? "equals " + targetName + " bit for bit" : "differs from " + targetName
                + ", which it is declared tied to", Map.<String, Object>of("tied_to", targetName));
    }

    private static long[] hash(Checkpoint.Item it, Map<String, long[]> cache) throws TensorFormatException {
        long[] h = cache.get(it.name());
        if (h == null) {
            h = valuesHash(it);
            cache.put(it.name(), h);
        }
        return h;
    }

    /**
     * A 128-bit hash of a tensor's values in storage order, each value widened to a double and taken bit for bit
     * (two multiply-rotate lanes over the raw bits): the tie check's comparison, read in one streaming pass.
     *
     * @throws TensorFormatException for a tensor that cannot be read
     */
    public static long[] valuesHash(Checkpoint.Item it) throws TensorFormatException {
        long[] acc = {0x243F6A8885A308D3L, 0x13198A2E03707344L};
        try (TensorSource src = TensorFiles.open(it.file(), it.name())) {
            src.forEachChunk((buf, len) -> {
                for (int k = 0; k < len; k++) {
                    long bits = Double.doubleToRawLongBits(buf[k]);
                    acc[0] = Long.rotateLeft((acc[0] ^ bits) * 0x9E3779B97F4A7C15L, 29);
                    acc[1] = Long.rotateLeft((acc[1] + bits) * 0xC2B2AE3D27D4EB4FL, 31) ^ acc[0];
                }
            });
        }
        return acc;
    }
}
