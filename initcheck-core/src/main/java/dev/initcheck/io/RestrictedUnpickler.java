package dev.initcheck.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pickle virtual machine restricted to what {@code torch.save} writes for a state_dict, after the opcode
 * descriptions of Python's {@code pickletools} and torch's own {@code torch/_weights_only_unpickler.py}. It executes
 * no code and creates no Java object from the stream beyond the small data model below: strings, integers, floats,
 * booleans, None, byte-string lengths, dicts (plain and {@code collections.OrderedDict}), lists, tuples, storages
 * (persistent ids) and tensors (calls of torch's rebuild functions). Any other global (such as {@code os.system} or
 * {@code builtins.eval}) is refused by name.
 *
 * <p>Opcodes: PROTO, FRAME, STOP, MARK, EMPTY_DICT, EMPTY_LIST, EMPTY_TUPLE, TUPLE, TUPLE1-3, BINUNICODE,
 * SHORT_BINUNICODE, BINUNICODE8, BINBYTES, SHORT_BINBYTES, BINBYTES8, BININT, BININT1, BININT2, LONG1 (up to 8
 * bytes), NEWTRUE, NEWFALSE, NONE, BINFLOAT, BINPUT, LONG_BINPUT, MEMOIZE, BINGET, LONG_BINGET, SETITEM, SETITEMS,
 * APPEND, APPENDS, GLOBAL, STACK_GLOBAL, REDUCE, BUILD (on an OrderedDict, as for a module state_dict's
 * {@code _metadata}) and BINPERSID: protocols 2 to 5 as torch 1.6-2.x write them. Globals: {@code
 * collections.OrderedDict}, the {@code torch.*Storage} types, {@code torch._utils._rebuild_tensor_v2},
 * {@code _rebuild_tensor_v3} (torch 2.x, with a {@code torch.<dtype>} argument), {@code _rebuild_parameter},
 * {@code _rebuild_parameter_with_state} and {@code _rebuild_qtensor} (with the {@code torch.per_*} quantization
 * schemes).
 *
 * <p>Limits, each failing with a one-line message: {@value #MAX_STACK} stack entries, {@value #MAX_MARKS} open
 * marks, {@value #MAX_MEMO} memo entries, {@value #MAX_PUSHES} objects pushed in all, {@value #MAX_TENSORS}
 * tensors; every length is checked against the bytes left in the pickle before anything is read or allocated.
 */
final class RestrictedUnpickler {
    static final int MAX_STACK = 100_000;
    static final int MAX_MARKS = 10_000;
    static final int MAX_MEMO = 1 << 20;
    static final int MAX_PUSHES = 1 << 21;
    static final int MAX_TENSORS = 1 << 16;
    private static final int MAX_GLOBAL_LINE = 256;
    private static final int MAX_LONG_BYTES = 8;

    /** Python's None. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A dict or an {@code collections.OrderedDict}; keys are strings, integers, floats, booleans or None. */
    static final class PyDict {
        final Map<Object, Object> items = new LinkedHashMap<>();
        final boolean ordered;

        PyDict(boolean ordered) {
            this.ordered = ordered;
        }
    }

    /** A list. */
    static final class PyList {
        final List<Object> items = new ArrayList<>();
    }

    /** A tuple. */
    static final class PyTuple {
        final List<Object> items;

        PyTuple(List<Object> items) {
            this.items = Collections.unmodifiableList(items);
        }
    }

    /** A bytes object; only its length is kept. */
    record PyBytes(long length) {
    }

    /** An allowed global, by its qualified name ({@code module.name}). */
    record Global(String name) {
    }

    /**
     * A storage named by a persistent id {@code ('storage', torch.<Type>Storage, key, location, numel)}: its data
     * are the archive entry {@code data/<key>}, of {@code numel} elements of {@code itemSize} bytes (bytes for an
     * {@code UntypedStorage}).
     */
    record Storage(String key, String type, String dtype, int itemSize, long numel) {
    }

    /** The elements of a storage type: torch dtype name and bytes per element. */
    record Elements(String dtype, int itemSize) {
    }

    /**
     * A tensor: its storage, offset and stride in elements of its dtype, size, and the torch dtype name
     * ({@code torch.float32}); {@code unsupported} says why it cannot be read despite its dtype, or is null.
     */
    record Tensor(Storage storage, long offset, long[] size, long[] stride, String dtype, int itemSize,
            String unsupported) {
    }

    /** torch storage type → (torch dtype, bytes per element); the element types behind each storage. */
    static final Map<String, Elements> STORAGE_TYPES = Map.ofEntries(
            storage("FloatStorage", "torch.float32", 4), storage("DoubleStorage", "torch.float64", 8),
            storage("HalfStorage", "torch.float16", 2), storage("BFloat16Storage", "torch.bfloat16", 2),
            storage("LongStorage", "torch.int64", 8), storage("IntStorage", "torch.int32", 4),
            storage("ShortStorage", "torch.int16", 2), storage("CharStorage", "torch.int8", 1),
            storage("ByteStorage", "torch.uint8", 1), storage("BoolStorage", "torch.bool", 1),
            storage("ComplexFloatStorage", "torch.complex64", 8),
            storage("ComplexDoubleStorage", "torch.complex128", 16),
            storage("QInt8Storage", "torch.qint8", 1), storage("QUInt8Storage", "torch.quint8", 1),
            storage("QInt32Storage", "torch.qint32", 4), storage("QUInt4x2Storage", "torch.quint4x2", 1),
            storage("QUInt2x4Storage", "torch.quint2x4", 1), storage("UntypedStorage", "torch.uint8", 1));

    /** dtypes that may follow an UntypedStorage in {@code _rebuild_tensor_v3}, with their bytes per element. */
    static final Map<String, Integer> DTYPES = dtypes();

    private static final String ORDERED_DICT = "collections.OrderedDict";
    private static final String REBUILD_V2 = "torch._utils._rebuild_tensor_v2";
    private static final String REBUILD_V3 = "torch._utils._rebuild_tensor_v3";
    private static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";
    private static final String REBUILD_PARAMETER_STATE = "torch._utils._rebuild_parameter_with_state";
    private static final String REBUILD_QTENSOR = "torch._utils._rebuild_qtensor";
    private static final Set<String> FUNCTIONS = Set.of(ORDERED_DICT, REBUILD_V2, REBUILD_V3, REBUILD_PARAMETER,
            REBUILD_PARAMETER_STATE, REBUILD_QTENSOR);
    private static final Set<String> QSCHEMES = Set.of("torch.per_tensor_affine", "torch.per_tensor_symmetric",
            "torch.per_channel_affine", "torch.per_channel_symmetric", "torch.per_channel_affine_float_qparams");

    private final Where where;
    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private final Map<String, Storage> storages = new HashMap<>();
    private int opcodeAt;
    private long pushes;
    private int tensors;

    private RestrictedUnpickler(Where where, byte[] pickle) {
        this.where = where;
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Runs the pickle and returns the object it builds.
     *
     * @throws TensorFormatException naming the byte offset of the first opcode that is malformed, unsupported,
     *     refers to a global not allowed, or exceeds a limit
     */
    static Object load(Where where, byte[] pickle) throws TensorFormatException {
        return new RestrictedUnpickler(where, pickle).run();
    }

    private Object run() throws TensorFormatException {
        while (true) {
            opcodeAt = in.position();
            if (!in.hasRemaining()) {
                throw fail("the pickle ends without a STOP opcode (truncated?)");
            }
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> { // PROTO
                    int protocol = u8();
                    if (protocol < 2 || protocol > 5) {
                        throw fail("unsupported pickle protocol %d (torch.save writes 2 to 5)", protocol);
                    }
                }
                case 0x95 -> { // FRAME: a length prefix; frames are transparent here
                    long length = u64();
                    if (length < 0 || length > in.remaining()) {
                        throw fail("FRAME of %s bytes exceeds the %d bytes left", Long.toUnsignedString(length),
                                in.remaining());
                    }
                }
                case '.' -> { // STOP
                    return stop();
                }
                case '(' -> mark();
                case '}' -> push(new PyDict(false));
                case ']' -> push(new PyList());
                case ')' -> push(new PyTuple(List.of()));
                case 't' -> push(new PyTuple(popMark()));
                case 0x85 -> push(new PyTuple(popN(1)));
                case 0x86 -> push(new PyTuple(popN(2)));
                case 0x87 -> push(new PyTuple(popN(3)));
                case 'X' -> push(string(u32()));
                case 0x8c -> push(string(u8()));
                case 0x8d -> push(string(u64()));
                case 'B' -> push(bytes(u32()));
                case 'C' -> push(bytes(u8()));
                case 0x8e -> push(bytes(u64()));
                case 'J' -> push((long) in.getInt(advance(4)));
                case 'K' -> push((long) u8());
                case 'M' -> push((long) Short.toUnsignedInt(in.getShort(advance(2))));
                case 0x8a -> push(long1());
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'N' -> push(NONE);
                case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong(advance(8))))); // big-endian
                case 'q' -> put(u8());
                case 'r' -> put(u32());
                case 0x94 -> put(memo.size());
                case 'h' -> get(u8());
                case 'j' -> get(u32());
                case 's' -> {
                    Object value = pop();
                    Object key = pop();
                    setItem(dict(top(), "SETITEM"), key, value);
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    PyDict dict = dict(top(), "SETITEMS");
                    if (items.size() % 2 != 0) {
                        throw fail("SETITEMS with an odd number (%d) of keys and values", items.size());
                    }
                    for (int i = 0; i < items.size(); i += 2) {
                        setItem(dict, items.get(i), items.get(i + 1));
                    }
                }
                case 'a' -> {
                    Object value = pop();
                    list(top(), "APPEND").items.add(value);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    list(top(), "APPENDS").items.addAll(items);
                }
                case 'c' -> push(global(line(), line()));
                case 0x93 -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw fail("STACK_GLOBAL needs two strings, got %s and %s", describe(module), describe(name));
                    }
                    push(global(m, n));
                }
                case 'R' -> {
                    Object args = pop();
                    Object callable = pop();
                    if (!(args instanceof PyTuple tuple)) {
                        throw fail("REDUCE arguments are %s, not a tuple", describe(args));
                    }
                    push(call(callable, tuple.items));
                }
                case 'b' -> build(pop(), top());
                case 'Q' -> push(persistentLoad(pop()));
                default -> throw fail("unsupported pickle opcode %s: a state_dict needs only plain containers, "
                        + "numbers, strings and torch tensors", opcodeName(op));
            }
        }
    }

    private Object stop() throws TensorFormatException {
        if (stack.size() != 1 || !marks.isEmpty()) {
            throw fail("STOP with %d objects on the stack and %d open marks (expected one object and no mark)",
                    stack.size(), marks.size());
        }
        if (in.hasRemaining()) {
            throw fail("%d bytes follow the STOP opcode", in.remaining());
        }
        return stack.get(0);
    }

    // ---- stack, marks and memo

    private void push(Object o) throws TensorFormatException {
        if (stack.size() >= MAX_STACK) {
            throw fail("the pickle stack exceeds %d entries", MAX_STACK);
        }
        if (++pushes > MAX_PUSHES) {
            throw fail("the pickle builds more than %d objects", MAX_PUSHES);
        }
        stack.add(o);
    }

    private Object pop() throws TensorFormatException {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() <= floor) {
            throw fail("stack underflow: an opcode needs more objects than the stack holds%s",
                    marks.isEmpty() ? "" : " above its last MARK");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object top() throws TensorFormatException {
        if (stack.isEmpty()) {
            throw fail("stack underflow: the stack is empty");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) throws TensorFormatException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return List.of(items);
    }

    private void mark() throws TensorFormatException {
        if (marks.size() >= MAX_MARKS) {
            throw fail("more than %d nested MARKs", MAX_MARKS);
        }
        marks.push(stack.size());
    }

    private List<Object> popMark() throws TensorFormatException {
        if (marks.isEmpty()) {
            throw fail("no MARK to close");
        }
        int from = marks.pop();
        List<Object> tail = stack.subList(from, stack.size());
        List<Object> items = new ArrayList<>(tail);
        tail.clear();
        return items;
    }

    private void put(long index) throws TensorFormatException {
        if (memo.size() >= MAX_MEMO && !memo.containsKey(index)) {
            throw fail("the pickle memo exceeds %d entries", MAX_MEMO);
        }
        memo.put(index, top());
    }

    private void get(long index) throws TensorFormatException {
        Object o = memo.get(index);
        if (o == null) {
            throw fail("memo entry %d is read before it is written", index);
        }
        push(o);
    }

    // ---- operands

    /** Skips an operand of {@code n} bytes, returning where it starts. */
    private int advance(int n) throws TensorFormatException {
        int start = in.position();
        if (in.remaining() < n) {
            throw fail("truncated pickle: an operand of %d bytes, %d left", n, in.remaining());
        }
        in.position(start + n);
        return start;
    }

    private int u8() throws TensorFormatException {
        return in.get(advance(1)) & 0xff;
    }

    private long u32() throws TensorFormatException {
        return Integer.toUnsignedLong(in.getInt(advance(4)));
    }

    /** An unsigned 8-byte length; above 2^63 it is returned negative and refused by {@link #checkLength}. */
    private long u64() throws TensorFormatException {
        return in.getLong(advance(8));
    }

    private int checkLength(long length, String what) throws TensorFormatException {
        if (length < 0 || length > in.remaining()) {
            throw fail("%s of %s bytes exceeds the %d bytes left in the pickle", what,
                    Long.toUnsignedString(length), in.remaining());
        }
        return (int) length;
    }

    private String string(long length) throws TensorFormatException {
        int n = checkLength(length, "a string");
        ByteBuffer slice = in.slice(in.position(), n);
        in.position(in.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw fail("a string is not valid UTF-8");
        }
    }

    private PyBytes bytes(long length) throws TensorFormatException {
        int n = checkLength(length, "a bytes object");
        in.position(in.position() + n);
        return new PyBytes(n);
    }

    /** LONG1: a little-endian two's complement integer of up to 8 bytes. */
    private Long long1() throws TensorFormatException {
        int n = u8();
        if (n > MAX_LONG_BYTES) {
            throw fail("an integer of %d bytes is larger than a state_dict needs (at most %d)", n, MAX_LONG_BYTES);
        }
        int start = advance(n);
        long value = 0;
        for (int i = n - 1; i >= 0; i--) {
            value = (value << 8) | (in.get(start + i) & 0xff);
        }
        if (n > 0 && n < 8) {
            int shift = 64 - 8 * n;
            value = (value << shift) >> shift; // sign-extend
        }
        return value;
    }

    /** A GLOBAL operand: text up to a newline, at most 256 bytes. */
    private String line() throws TensorFormatException {
        int start = in.position();
        int limit = Math.min(in.limit(), start + MAX_GLOBAL_LINE + 1);
        for (int p = start; p < limit; p++) {
            if (in.get(p) == '\n') {
                String s = new String(in.array(), start, p - start, StandardCharsets.UTF_8);
                in.position(p + 1);
                return s;
            }
        }
        throw fail("GLOBAL operand without a newline within %d bytes", MAX_GLOBAL_LINE);
    }

    // ---- containers

    private PyDict dict(Object o, String op) throws TensorFormatException {
        if (o instanceof PyDict d) {
            return d;
        }
        throw fail("%s on %s, not a dict", op, describe(o));
    }

    private PyList list(Object o, String op) throws TensorFormatException {
        if (o instanceof PyList l) {
            return l;
        }
        throw fail("%s on %s, not a list", op, describe(o));
    }

    /** Only immutable scalars are accepted as keys, so that no key is ever hashed through a container. */
    private void setItem(PyDict dict, Object key, Object value) throws TensorFormatException {
        if (!(key instanceof String || key instanceof Long || key instanceof Boolean || key instanceof Double
                || key == NONE)) {
            throw fail("a dict key is %s; only strings, numbers, booleans and None are accepted",
                    describe(key));
        }
        dict.items.put(key, value);
    }

    /** BUILD: only an OrderedDict's attributes (a module state_dict's {@code _metadata}), which are ignored. */
    private void build(Object state, Object target) throws TensorFormatException {
        if (!(target instanceof PyDict d) || !d.ordered) {
            throw fail("BUILD on %s (only an OrderedDict's attributes are accepted)", describe(target));
        }
        if (!(state instanceof PyDict attributes) || !attributes.items.keySet().stream()
                .allMatch(k -> k instanceof String)) {
            throw fail("BUILD of an OrderedDict with %s state (expected a dict of attributes)", describe(state));
        }
    }

    // ---- globals, calls and persistent ids

    private Global global(String module, String name) throws TensorFormatException {
        String qualified = module + "." + name;
        if (FUNCTIONS.contains(qualified) || QSCHEMES.contains(qualified) || DTYPES.containsKey(qualified)
                || module.equals("torch") && STORAGE_TYPES.containsKey(name)) {
            return new Global(qualified);
        }
        throw fail("global %s is not allowed: a state_dict refers only to collections.OrderedDict, torch storage "
                + "types and torch._utils tensor rebuild functions", Where.quote(qualified));
    }

    private Object call(Object callable, List<Object> args) throws TensorFormatException {
        if (!(callable instanceof Global g) || !FUNCTIONS.contains(g.name())) {
            throw fail("REDUCE calls %s, which is not callable here", describe(callable));
        }
        String f = g.name();
        switch (f) {
            case ORDERED_DICT -> {
                arity(f, args, 0, 0);
                return new PyDict(true);
            }
            case REBUILD_PARAMETER, REBUILD_PARAMETER_STATE -> {
                int n = f.equals(REBUILD_PARAMETER) ? 3 : 4;
                arity(f, args, n, n);
                if (!(args.get(0) instanceof Tensor t)) {
                    throw fail("%s of %s, not a tensor", f, describe(args.get(0)));
                }
                return t;
            }
            case REBUILD_QTENSOR -> {
                arity(f, args, 7, 7);
                return tensor(f, args, null, null);
            }
            case REBUILD_V3 -> {
                arity(f, args, 7, 8);
                if (!(args.get(6) instanceof Global dtype) || !DTYPES.containsKey(dtype.name())) {
                    throw fail("%s with %s as dtype", f, describe(args.get(6)));
                }
                return tensor(f, args, dtype.name(), args.size() == 8 ? args.get(7) : null);
            }
            default -> {
                arity(f, args, 6, 7);
                return tensor(f, args, null, args.size() == 7 ? args.get(6) : null);
            }
        }
    }

    private void arity(String f, List<Object> args, int min, int max) throws TensorFormatException {
        if (args.size() < min || args.size() > max) {
            throw fail("%s called with %d arguments (expected %s)", f, args.size(),
                    min == max ? Integer.toString(min) : min + " to " + max);
        }
    }

    /** (storage, storage_offset, size, stride, ...): the first four arguments of every rebuild function. */
    private Tensor tensor(String f, List<Object> args, String v3Dtype, Object metadata) throws TensorFormatException {
        if (++tensors > MAX_TENSORS) {
            throw fail("more than %d tensors", MAX_TENSORS);
        }
        if (!(args.get(0) instanceof Storage storage)) {
            throw fail("%s of %s, not a storage", f, describe(args.get(0)));
        }
        if (!(args.get(1) instanceof Long offset)) {
            throw fail("%s with %s as storage offset", f, describe(args.get(1)));
        }
        long[] size = ints(f, "size", args.get(2));
        long[] stride = ints(f, "stride", args.get(3));
        String dtype = v3Dtype == null ? storage.dtype() : v3Dtype;
        int itemSize = v3Dtype == null ? storage.itemSize() : DTYPES.get(v3Dtype);
        return new Tensor(storage, offset, size, stride, dtype, itemSize, flags(metadata));
    }

    /** Tensor metadata: a dict of flags such as {@code neg} or {@code conj}; a set flag changes the values. */
    private String flags(Object metadata) throws TensorFormatException {
        if (metadata == null) {
            return null;
        }
        if (!(metadata instanceof PyDict d)) {
            throw fail("tensor metadata is %s, not a dict", describe(metadata));
        }
        List<String> set = new ArrayList<>();
        for (Map.Entry<Object, Object> e : d.items.entrySet()) {
            if (!Boolean.FALSE.equals(e.getValue())) {
                set.add(String.valueOf(e.getKey()));
            }
        }
        return set.isEmpty() ? null : "tensor metadata " + set + " set (a negated or conjugated view)";
    }

    private long[] ints(String f, String what, Object o) throws TensorFormatException {
        if (!(o instanceof PyTuple t)) {
            throw fail("%s with %s as %s, not a tuple", f, describe(o), what);
        }
        if (t.items.size() > TensorInfo.MAX_RANK) {
            throw fail("%s with a %s of %d dimensions, more than %d", f, what, t.items.size(), TensorInfo.MAX_RANK);
        }
        long[] out = new long[t.items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(t.items.get(i) instanceof Long v)) {
                throw fail("%s with %s in its %s", f, describe(t.items.get(i)), what);
            }
            out[i] = v;
        }
        return out;
    }

    /** BINPERSID: {@code ('storage', torch.<Type>Storage, key, location, numel)}, one Storage per key. */
    private Storage persistentLoad(Object pid) throws TensorFormatException {
        if (!(pid instanceof PyTuple t) || t.items.size() != 5 || !"storage".equals(t.items.get(0))
                || !(t.items.get(1) instanceof Global type) || !(t.items.get(2) instanceof String key)
                || !(t.items.get(3) instanceof String) || !(t.items.get(4) instanceof Long numel)) {
            throw fail("persistent id is not ('storage', storage type, key, location, numel)");
        }
        String typeName = type.name().substring(type.name().lastIndexOf('.') + 1);
        Elements spec = type.name().startsWith("torch.") ? STORAGE_TYPES.get(typeName) : null;
        if (spec == null) {
            throw fail("persistent id names %s, not a storage type", Where.quote(type.name()));
        }
        if (numel < 0) {
            throw fail("storage %s declares %d elements", Where.quote(key), numel);
        }
        Storage s = new Storage(key, typeName, spec.dtype(), spec.itemSize(), numel);
        Storage earlier = storages.putIfAbsent(key, s);
        if (earlier != null && !earlier.equals(s)) {
            throw fail("storage %s is declared twice, as %d elements of %s and as %d of %s", Where.quote(key),
                    earlier.numel(), earlier.type(), numel, typeName);
        }
        return earlier != null ? earlier : s;
    }

    // ---- messages

    private TensorFormatException fail(String format, Object... args) {
        return where.fail("data.pkl, byte %d: %s", opcodeAt, String.format(java.util.Locale.ROOT, format, args));
    }

    /** What an object is, with an article, for messages ("an int", "a tensor"); never renders its content. */
    static String describe(Object o) {
        if (o instanceof String) {
            return "a str";
        } else if (o instanceof Long) {
            return "an int";
        } else if (o instanceof Double) {
            return "a float";
        } else if (o instanceof Boolean) {
            return "a bool";
        } else if (o == NONE) {
            return "None";
        } else if (o instanceof PyDict d) {
            return d.ordered ? "an OrderedDict" : "a dict";
        } else if (o instanceof PyList) {
            return "a list";
        } else if (o instanceof PyTuple) {
            return "a tuple";
        } else if (o instanceof PyBytes) {
            return "a bytes object";
        } else if (o instanceof Global g) {
            return "the global " + Where.quote(g.name());
        } else if (o instanceof Storage) {
            return "a storage";
        } else if (o instanceof Tensor) {
            return "a tensor";
        }
        return "an object";
    }

    /** Whether a tensor lies anywhere in the object graph below {@code root}, searched without recursion. */
    static boolean containsTensor(Object root) {
        Deque<Object> todo = new ArrayDeque<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.push(root);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o instanceof Tensor || o instanceof Storage) {
                return true;
            }
            if (!seen.add(o)) {
                continue;
            }
            if (o instanceof PyDict d) {
                d.items.values().forEach(todo::push);
            } else if (o instanceof PyList l) {
                l.items.forEach(todo::push);
            } else if (o instanceof PyTuple t) {
                t.items.forEach(todo::push);
            }
        }
        return false;
    }

    private static String opcodeName(int op) {
        String name = switch (op) {
            case 'I' -> "INT";
            case 'L' -> "LONG";
            case 'F' -> "FLOAT";
            case 'S' -> "STRING";
            case 'T' -> "BINSTRING";
            case 'U' -> "SHORT_BINSTRING";
            case 'V' -> "UNICODE";
            case 'P' -> "PERSID";
            case 'p' -> "PUT";
            case 'g' -> "GET";
            case 'i' -> "INST";
            case 'o' -> "OBJ";
            case 'l' -> "LIST";
            case 'd' -> "DICT";
            case '0' -> "POP";
            case '1' -> "POP_MARK";
            case '2' -> "DUP";
            case 0x81 -> "NEWOBJ";
            case 0x82 -> "EXT1";
            case 0x83 -> "EXT2";
            case 0x84 -> "EXT4";
            case 0x8b -> "LONG4";
            case 0x8f -> "EMPTY_SET";
            case 0x90 -> "ADDITEMS";
            case 0x91 -> "FROZENSET";
            case 0x92 -> "NEWOBJ_EX";
            case 0x96 -> "BYTEARRAY8";
            case 0x97 -> "NEXT_BUFFER";
            case 0x98 -> "READONLY_BUFFER";
            default -> null;
        };
        String code = String.format(java.util.Locale.ROOT, "0x%02x", op);
        return name == null ? code : code + " (" + name + ")";
    }

    private static Map.Entry<String, Elements> storage(String type, String dtype, int itemSize) {
        return Map.entry(type, new Elements(dtype, itemSize));
    }

    private static Map<String, Integer> dtypes() {
        Map<String, Integer> m = new HashMap<>();
        for (Elements e : STORAGE_TYPES.values()) {
            m.put(e.dtype(), e.itemSize());
        }
        m.put("torch.complex32", 4);
        m.put("torch.uint16", 2);
        m.put("torch.uint32", 4);
        m.put("torch.uint64", 8);
        m.put("torch.bits16", 2);
        for (String one : new String[] {"float8_e5m2", "float8_e4m3fn", "float8_e5m2fnuz", "float8_e4m3fnuz",
            "float8_e8m0fnu", "float4_e2m1fn_x2", "bits8", "bits1x8", "bits2x4", "bits4x2"}) {
            m.put("torch." + one, 1);
        }
        for (int bits = 1; bits <= 7; bits++) {
            m.put("torch.int" + bits, 1);
            m.put("torch.uint" + bits, 1);
        }
        return Map.copyOf(m);
    }
}
