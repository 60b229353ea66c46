package dev.initcheck.io;

import static dev.initcheck.io.TorchTestFiles.checkpoint;
import static dev.initcheck.io.TorchTestFiles.counting;
import static dev.initcheck.io.TorchTestFiles.stateDict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.initcheck.io.TorchTestFiles.Pickle;
import dev.initcheck.io.TorchTestFiles.T;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-built and hostile torch.save archives: each is read as torch would read it, or refused with a one-line
 * {@link TensorFormatException} naming the file (and the tensor when known), without executing or allocating
 * anything the file does not back.
 */
class TorchZipHostileTest {
    private static final String NOT_ALLOWED = " is not allowed: a state_dict refers only to "
            + "collections.OrderedDict, torch storage types and torch._utils tensor rebuild functions";

    @TempDir
    Path dir;

    private int files;

    private Path pt(byte[] bytes) {
        return TestFiles.write(dir.resolve("f" + files++ + ".pt"), bytes);
    }

    private Path pt(byte[] pickle, Map<String, byte[]> storages) {
        return pt(checkpoint(pickle, storages));
    }

    /** Listing and opening the file both fail with the same one-line message, which is returned. */
    private static String refused(Path f) {
        String listing = message(() -> TensorFiles.listing(f));
        assertThat(listing).startsWith(f + ": ");
        return listing;
    }

    private static String message(TensorErrorMessagesTest.Read read) {
        TensorFormatException e = catchThrowableOfType(TensorFormatException.class, read::run);
        assertThat(e).as("expected a TensorFormatException").isNotNull();
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r");
        return e.getMessage();
    }

    @Test
    void aHandBuiltStateDictIsReadWithOffsetsAndAliases() throws Exception {
        T w = new T("w", "FloatStorage", "0", 10, 3, new long[] {2, 3}, new long[] {3, 1});
        T tied = new T("tied", "FloatStorage", "0", 10, 3, new long[] {2, 3}, new long[] {3, 1});
        T col = new T("col", "FloatStorage", "0", 10, 0, new long[] {2, 3}, new long[] {1, 2});
        T d = new T("d", "DoubleStorage", "1", 2, 0, new long[] {2}, new long[] {1});
        T row = new T("row", "FloatStorage", "0", 10, 7, new long[] {1, 3}, new long[] {1, 1});
        T expanded = new T("expanded", "FloatStorage", "0", 10, 0, new long[] {4, 3}, new long[] {0, 1});
        byte[] doubles = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(-0.5).putDouble(1e300)
                .array();
        Path f = pt(stateDict(w, tied, col, d, row, expanded), Map.of("0", counting(10), "1", doubles));
        TensorListing listing = TensorFiles.listing(f);
        assertThat(listing.tensors()).map(TensorInfo::toString).containsExactly("w [2, 3] F32", "tied [2, 3] F32",
                "col [2, 3] F32 (Fortran order)", "d [2] F64", "row [1, 3] F32");
        assertThat(listing.skipped()).containsExactly(new SkippedTensor("expanded", "torch.float32",
                "non-contiguous view (stride [0, 1])"));
        assertThat(listing.aliases()).containsExactly(Map.entry("tied", "w"));
        try (TensorSource s = TensorFiles.open(f, "row")) {
            assertThat(s.readAllCOrder()).containsExactly(7, 8, 9);
        }
        try (TensorSource s = TensorFiles.open(f, "w")) {
            assertThat(s.readAllCOrder()).containsExactly(3, 4, 5, 6, 7, 8);
        }
        try (TensorSource s = TensorFiles.open(f, "col")) {
            assertThat(s.readAllCOrder()).containsExactly(0, 2, 4, 1, 3, 5);
        }
        try (TensorSource s = TensorFiles.open(f, "d")) {
            assertThat(s.readAllCOrder()).containsExactly(-0.5, 1e300);
        }
    }

    @Test
    void globalsOutsideTheAllowListAreRefusedByName() {
        Path os = pt(new Pickle().op(0x80, 2).global("os", "system").str("echo pwned").op(0x85, 'R', '.').bytes(),
                Map.of());
        assertThat(refused(os)).isEqualTo(os + ": data.pkl, byte 2: global 'os.system'" + NOT_ALLOWED);
        Path eval = pt(new Pickle().op(0x80, 4).op(0x8c, 8).raw("builtins".getBytes(StandardCharsets.US_ASCII))
                .op(0x8c, 4).raw("eval".getBytes(StandardCharsets.US_ASCII)).op(0x93).bytes(), Map.of());
        assertThat(refused(eval)).isEqualTo(eval + ": data.pkl, byte 18: global 'builtins.eval'" + NOT_ALLOWED);
        for (String[] g : new String[][] {{"posix", "system"}, {"torch", "load"}, {"subprocess", "Popen"},
            {"torch._utils", "_rebuild_device_tensor_from_numpy"}, {"torch.serialization", "_get_layout"},
            {"collections", "defaultdict"}, {"__builtin__", "getattr"}}) {
            Path f = pt(new Pickle().op(0x80, 2).global(g[0], g[1]).op(')', 'R', '.').bytes(), Map.of());
            assertThat(refused(f)).isEqualTo(f + ": data.pkl, byte 2: global '" + g[0] + "." + g[1] + "'"
                    + NOT_ALLOWED);
        }
        Path storageCall = pt(new Pickle().op(0x80, 2).global("torch", "FloatStorage").op(')', 'R', '.').bytes(),
                Map.of());
        assertThat(refused(storageCall)).isEqualTo(storageCall + ": data.pkl, byte 23: REDUCE calls the global "
                + "'torch.FloatStorage', which is not callable here");
    }

    @Test
    void lengthsAreCheckedAgainstThePickleBeforeAnythingIsAllocated() {
        long tera = 1L << 40;
        Path bytes8 = pt(new Pickle().op(0x80, 4, 0x8e).u64(tera).op('.').bytes(), Map.of());
        assertThat(refused(bytes8)).isEqualTo(bytes8 + ": data.pkl, byte 2: a bytes object of 1099511627776 bytes "
                + "exceeds the 1 bytes left in the pickle");
        Path unicode8 = pt(new Pickle().op(0x80, 4, 0x8d).u64(tera).op('.').bytes(), Map.of());
        assertThat(refused(unicode8)).endsWith(": data.pkl, byte 2: a string of 1099511627776 bytes exceeds the 1 "
                + "bytes left in the pickle");
        Path negative = pt(new Pickle().op(0x80, 4, 0x8e).u64(-1).op('.').bytes(), Map.of());
        assertThat(refused(negative)).endsWith("a bytes object of 18446744073709551615 bytes exceeds the 1 bytes "
                + "left in the pickle");
        Path unicode = pt(new Pickle().op(0x80, 2, 'X').u32(0xffffffffL).str("x").op('.').bytes(), Map.of());
        assertThat(refused(unicode)).endsWith("a string of 4294967295 bytes exceeds the 7 bytes left in the pickle");
        Path frame = pt(new Pickle().op(0x80, 4, 0x95).u64(tera).op('N', '.').bytes(), Map.of());
        assertThat(refused(frame)).endsWith("byte 2: FRAME of 1099511627776 bytes exceeds the 2 bytes left");
        Path long1 = pt(new Pickle().op(0x80, 2, 0x8a, 200).raw(new byte[200]).op('.').bytes(), Map.of());
        assertThat(refused(long1)).endsWith("an integer of 200 bytes is larger than a state_dict needs (at most 8)");
    }

    @Test
    void nestingAndObjectCountsHitTheirLimits() {
        Pickle marks = new Pickle().op(0x80, 2);
        for (int i = 0; i < 1_000_000; i++) {
            marks.op('(');
        }
        Path m = pt(marks.op('.').bytes(), Map.of());
        assertThat(refused(m)).isEqualTo(m + ": data.pkl, byte 10002: more than 10000 nested MARKs");
        Pickle lists = new Pickle().op(0x80, 2);
        for (int i = 0; i < 1_000_000; i++) {
            lists.op(']');
        }
        Path l = pt(lists.op('.').bytes(), Map.of());
        assertThat(refused(l)).isEqualTo(l + ": data.pkl, byte 100002: the pickle stack exceeds 100000 entries");
        Pickle refs = new Pickle().op(0x80, 2, ']', 'q', 0);
        for (int batch = 0; batch < 1100; batch++) {
            refs.op('(');
            for (int i = 0; i < 2000; i++) {
                refs.op('h', 0);
            }
            refs.op('e');
        }
        Path r = pt(refs.op('.').bytes(), Map.of());
        assertThat(refused(r)).endsWith(": the pickle builds more than 2097152 objects");
        Pickle memo = new Pickle().op(0x80, 2, 'N');
        for (int i = 0; i <= RestrictedUnpickler.MAX_MEMO; i++) {
            memo.op('r').u32(i);
        }
        Path mm = pt(memo.op('.').bytes(), Map.of());
        assertThat(refused(mm)).endsWith(": the pickle memo exceeds 1048576 entries");
    }

    /**
     * A list nested 300000 deep through the memo, with a stack of three entries: no limit stops it, and nothing
     * walks it recursively (no StackOverflowError), whether it stands beside a nested state_dict or in its place.
     */
    @Test
    void deepNestingThroughTheMemoIsWalkedWithoutRecursion() throws Exception {
        Pickle p = new Pickle().op(0x80, 2, '}', '(').str("state_dict");
        p.op('}').str("w").tensor(T.f32("w", "0", 2)).op('s');
        p.str("deep").op(']', 'q', 0, ']', 'q', 1, 'a');
        for (int i = 0; i < 300_000; i++) {
            p.op('h', 1, ']', 'q', 1, 'a', 'a'); // sink.append(current); current.append(new); current = new
        }
        Path ok = pt(p.op('u', '.').bytes(), Map.of("0", counting(2)));
        assertThat(TensorFiles.list(ok)).map(TensorInfo::name).containsExactly("w");
        Pickle q = new Pickle().op(0x80, 2, '}', 'X').u32(1).raw("x".getBytes(StandardCharsets.US_ASCII));
        q.op(']', 'q', 0, ']', 'q', 1, 'a');
        for (int i = 0; i < 300_000; i++) {
            q.op('h', 1, ']', 'q', 1, 'a', 'a');
        }
        Path bad = pt(q.op('s', '.').bytes(), Map.of());
        assertThat(refused(bad)).isEqualTo(bad + ": not a state_dict: the value of 'x' is a list, not a tensor "
                + "(a state_dict nested under state_dict/model_state_dict/model/module is read only beside values "
                + "without tensors)");
    }

    @Test
    void storagesMustExistAndHoldTheTensor() {
        Path missing = pt(stateDict(T.f32("w", "7", 2, 2)), Map.of("0", counting(4)));
        assertThat(refused(missing)).isEqualTo(missing + ": tensor 'w': its storage '7' has no entry "
                + "'archive/data/7' in the archive");
        T beyond = new T("w", "FloatStorage", "0", 4, 1, new long[] {2, 2}, new long[] {2, 1});
        Path b = pt(stateDict(beyond), Map.of("0", counting(4)));
        assertThat(refused(b)).isEqualTo(b + ": tensor 'w': storage offset 1, size [2, 2] and stride [2, 1] reach "
                + "element 4 but its storage '0' holds 4 elements of torch.float32");
        T strided = new T("w", "LongStorage", "0", 2, 0, new long[] {2, 2}, new long[] {2, 1});
        Path s = pt(stateDict(strided), Map.of("0", new byte[16]));
        assertThat(refused(s)).endsWith(": tensor 'w': storage offset 0, size [2, 2] and stride [2, 1] reach "
                + "element 3 but its storage '0' holds 2 elements of torch.int64");
        Path shortEntry = pt(stateDict(T.f32("w", "0", 5)), Map.of("0", counting(4)));
        assertThat(refused(shortEntry)).isEqualTo(shortEntry + ": tensor 'w': its storage '0' declares 5 elements "
                + "of 4 bytes but entry 'archive/data/0' holds 16 bytes");
        T overflow = new T("w", "FloatStorage", "0", 4, 0, new long[] {3, 2}, new long[] {1L << 62, 1});
        Path o = pt(stateDict(overflow), Map.of("0", counting(4)));
        assertThat(refused(o)).endsWith(": tensor 'w': size [3, 2] and stride [4611686018427387904, 1] reach "
                + "beyond any storage");
        T negative = new T("w", "FloatStorage", "0", 4, -1, new long[] {2}, new long[] {1});
        assertThat(refused(pt(stateDict(negative), Map.of("0", counting(4))))).endsWith("negative storage "
                + "offset -1 or stride [1]");
        T twice = new T("v", "DoubleStorage", "0", 2, 0, new long[] {2}, new long[] {1});
        Path t = pt(stateDict(T.f32("w", "0", 4), twice), Map.of("0", counting(4)));
        assertThat(refused(t)).contains(": data.pkl, byte ").endsWith(": storage '0' is declared twice, as 4 "
                + "elements of FloatStorage and as 2 of DoubleStorage");
    }

    /** Every prefix of a valid pickle is refused in one line naming the file and the byte. */
    @Test
    void everyTruncationOfThePickleIsRefused() {
        byte[] whole = stateDict(T.f32("w", "0", 2, 2), T.f32("b", "1", 2));
        for (int n = 0; n < whole.length; n++) {
            Path f = pt(Arrays.copyOf(whole, n), Map.of("0", counting(4), "1", counting(2)));
            assertThat(refused(f)).as("cut at %d", n).startsWith(f + ": data.pkl, byte ");
        }
    }

    /** Every prefix of a valid archive is refused in one line naming the file. */
    @Test
    void everyTruncationOfTheArchiveIsRefused() throws Exception {
        byte[] whole = checkpoint(stateDict(T.f32("w", "0", 2, 2)), Map.of("0", counting(4)));
        assertThat(TensorFiles.list(pt(whole))).hasSize(1);
        for (int n = 0; n < whole.length; n++) {
            refused(pt(Arrays.copyOf(whole, n)));
        }
    }

    @Test
    void archivesThatAreNotTorchSaveStateDictsAreRefused() {
        Map<String, byte[]> noPickle = new LinkedHashMap<>();
        noPickle.put("archive/data/0", counting(4));
        noPickle.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        Path n = pt(TestFiles.zip(false, noPickle));
        assertThat(refused(n)).isEqualTo(n + ": not a torch.save archive: no entry 'archive/data.pkl'");
        Path empty = pt(TestFiles.zip(false, Map.of()));
        assertThat(refused(empty)).isEqualTo(empty + ": not a torch.save archive: the zip archive is empty");
        Path flat = pt(TestFiles.zip(false, Map.of("data.pkl", stateDict())));
        assertThat(refused(flat)).isEqualTo(flat + ": not a torch.save archive: its first entry 'data.pkl' lies "
                + "in no folder");
        Map<String, byte[]> script = new LinkedHashMap<>(noPickle);
        script.put("archive/data.pkl", stateDict());
        script.put("archive/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
        Path ts = pt(TestFiles.zip(false, script));
        assertThat(refused(ts)).isEqualTo(ts + ": " + TorchZipFormat.TORCHSCRIPT);
        script.remove("archive/constants.pkl");
        script.put("archive/code/__torch__.py", new byte[0]);
        Path code = pt(TestFiles.zip(false, script));
        assertThat(refused(code)).isEqualTo(code + ": " + TorchZipFormat.TORCHSCRIPT);
        Path deflated = pt(TestFiles.zip(true, Map.of("archive/data.pkl", stateDict())));
        assertThat(refused(deflated)).isEqualTo(deflated + ": zip entry 'archive/data.pkl' is compressed (method "
                + "8); only stored entries, as torch.save writes them, are read: re-save the checkpoint with "
                + "torch.save");
        Map<String, byte[]> big = new LinkedHashMap<>();
        big.put("archive/data.pkl", stateDict());
        big.put("archive/byteorder", "big".getBytes(StandardCharsets.US_ASCII));
        Path be = pt(TestFiles.zip(false, big));
        assertThat(refused(be)).isEqualTo(be + ": big-endian checkpoint (byteorder 'big'): only little-endian "
                + "checkpoints are read; re-save it on a little-endian machine");
        big.put("archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        big.put("archive/version", "three".getBytes(StandardCharsets.US_ASCII));
        Path v = pt(TestFiles.zip(false, big));
        assertThat(refused(v)).isEqualTo(v + ": entry 'archive/version' holds 'three', not a format version "
                + "number");
        Path text = pt("hello, not a checkpoint".getBytes(StandardCharsets.US_ASCII));
        assertThat(refused(text)).isEqualTo(text + ": not a PyTorch checkpoint: torch.save (PyTorch >= 1.6) "
                + "writes a zip archive, which starts with PK\\x03\\x04");
        byte[] legacy = {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20,
            0x6a, (byte) 0xa8, 0x50, 0x19, '.'};
        Path l = pt(legacy);
        assertThat(refused(l)).isEqualTo(l + ": " + TorchZipFormat.LEGACY);
    }

    @Test
    void theSavedObjectMustBeAStateDict() {
        Path list = pt(new Pickle().op(0x80, 2, ']', '.').bytes(), Map.of());
        assertThat(refused(list)).isEqualTo(list + ": the checkpoint holds a list, not a state_dict (a dict of "
                + "tensors): save model.state_dict()");
        Path epoch = pt(new Pickle().op(0x80, 2, '}', '(').str("epoch").integer(3).str("w")
                .tensor(T.f32("w", "0", 2)).op('u', '.').bytes(), Map.of("0", counting(2)));
        assertThat(refused(epoch)).startsWith(epoch + ": not a state_dict: the value of 'epoch' is an int, not a "
                + "tensor");
        Pickle optimizer = new Pickle().op(0x80, 2, '}', '(').str("model").op('}').str("w")
                .tensor(T.f32("w", "0", 2)).op('s').str("optimizer").op('}').integer(0).op('}').str("exp_avg")
                .tensor(T.f32("exp_avg", "1", 2)).op('s', 's', 'u', '.');
        Path o = pt(optimizer.bytes(), Map.of("0", counting(2), "1", counting(2)));
        assertThat(refused(o)).isEqualTo(o + ": tensors outside 'model' (under 'optimizer'): only a state_dict is "
                + "read, alone or beside values without tensors; save model.state_dict() alone");
        Path intKey = pt(new Pickle().op(0x80, 2, '}').integer(1).tensor(T.f32("w", "0", 2)).op('s', '.').bytes(),
                Map.of("0", counting(2)));
        assertThat(refused(intKey)).endsWith(": not a state_dict: a key is an int, not a tensor name");
        Path tupleKey = pt(new Pickle().op(0x80, 2, '}', ')', 'N', 's', '.').bytes(), Map.of());
        assertThat(refused(tupleKey)).endsWith(": data.pkl, byte 5: a dict key is a tuple; only strings, "
                + "numbers, booleans and None are accepted");
        Path build = pt(new Pickle().op(0x80, 2, '}', '}', 'b', '.').bytes(), Map.of());
        assertThat(refused(build)).endsWith(": data.pkl, byte 4: BUILD on a dict (only an OrderedDict's "
                + "attributes are accepted)");
        Path pid = pt(new Pickle().op(0x80, 2).str("0").op('Q', '.').bytes(), Map.of());
        assertThat(refused(pid)).endsWith(": data.pkl, byte 8: persistent id is not ('storage', storage type, "
                + "key, location, numel)");
        Path op = pt(new Pickle().op(0x80, 2, 'i').bytes(), Map.of());
        assertThat(refused(op)).endsWith(": data.pkl, byte 2: unsupported pickle opcode 0x69 (INST): a "
                + "state_dict needs only plain containers, numbers, strings and torch tensors");
        Path two = pt(new Pickle().op(0x80, 2, 'N', 'N', '.').bytes(), Map.of());
        assertThat(refused(two)).endsWith(": data.pkl, byte 4: STOP with 2 objects on the stack and 0 open marks "
                + "(expected one object and no mark)");
    }

    @Test
    void torchTwoDtypesAndQuantizedTensorsAreSkippedNotRefused() throws Exception {
        Pickle p = new Pickle().op(0x80, 2, '}', '(');
        p.str("fp8").global("torch._utils", "_rebuild_tensor_v3").op('(', '(').str("storage")
                .global("torch", "UntypedStorage").str("0").str("cpu").integer(4).op('t', 'Q')
                .integer(0).ints(4).ints(1).op(0x89).global("collections", "OrderedDict").op(')', 'R')
                .global("torch", "float8_e4m3fn").op('t', 'R');
        p.str("q").global("torch._utils", "_rebuild_qtensor").op('(', '(').str("storage")
                .global("torch", "QInt8Storage").str("1").str("cpu").integer(2).op('t', 'Q')
                .integer(0).ints(2).ints(1).global("torch", "per_tensor_affine").op('G')
                .raw(new byte[] {0x3f, (byte) 0xb9, (byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x99,
                    (byte) 0x9a}).integer(0).op(0x87, 0x89).global("collections", "OrderedDict").op(')', 'R', 't',
                    'R');
        p.str("neg").global("torch._utils", "_rebuild_tensor_v2").op('(', '(').str("storage")
                .global("torch", "FloatStorage").str("2").str("cpu").integer(2).op('t', 'Q')
                .integer(0).ints(2).ints(1).op(0x89).global("collections", "OrderedDict").op(')', 'R')
                .op('}').str("neg").op(0x88, 's', 't', 'R');
        p.str("param").global("torch._utils", "_rebuild_parameter").op('(').tensor(T.f32("x", "3", 2))
                .op(0x88).global("collections", "OrderedDict").op(')', 'R', 't', 'R');
        Path f = pt(p.op('u', '.').bytes(), Map.of("0", new byte[4], "1", new byte[2], "2", counting(2),
                "3", counting(2)));
        TensorListing listing = TensorFiles.listing(f);
        assertThat(listing.tensors()).map(TensorInfo::toString).containsExactly("param [2] F32");
        assertThat(listing.skipped()).containsExactly(
                new SkippedTensor("fp8", "torch.float8_e4m3fn", SkippedTensor.NOT_FLOAT),
                new SkippedTensor("q", "torch.qint8", SkippedTensor.NOT_FLOAT),
                new SkippedTensor("neg", "torch.float32", "tensor metadata [neg] set (a negated or conjugated view)"));
    }
}
