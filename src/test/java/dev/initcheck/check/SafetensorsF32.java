package dev.initcheck.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only reader for the torch fixtures: one F32 tensor of a .safetensors file (8-byte little-endian header
 * length N, N bytes of JSON, then the data; offsets are relative to the data section), widened to double.
 */
final class SafetensorsF32 {
    private SafetensorsF32() {
    }

    static double[] read(Path file, String tensor) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Math.toIntExact(b.getLong());
        byte[] h = new byte[headerLength];
        b.get(h);
        JsonNode t = new ObjectMapper().readTree(h).get(tensor);
        if (t == null || !t.get("dtype").asText().equals("F32")) {
            throw new IOException(file + ": no F32 tensor " + tensor);
        }
        int begin = 8 + headerLength + t.get("data_offsets").get(0).asInt();
        int end = 8 + headerLength + t.get("data_offsets").get(1).asInt();
        double[] out = new double[(end - begin) / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat(begin + 4 * i);
        }
        return out;
    }
}
