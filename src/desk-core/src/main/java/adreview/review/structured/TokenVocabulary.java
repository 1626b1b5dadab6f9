package adreview.review.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes each token id stands for, read from a Hugging Face {@code tokenizer.json} of the
 * Llama kind (SentencePiece BPE with byte fallback). {@code ▁} is a space, a byte-fallback piece
 * {@code <0xNN>} is the raw byte NN, and special or added tokens ({@code <s>}, {@code </s>},
 * {@code <unk>}, {@code <image>}, {@code <pad>}) have no bytes: constraints never allow them in text.
 */
public final class TokenVocabulary {

    private static final Pattern BYTE_PIECE = Pattern.compile("<0x([0-9A-Fa-f]{2})>");

    private final byte[][] bytesById;
    private final BitSet special;
    private final int eosId;

    TokenVocabulary(byte[][] bytesById, BitSet special, int eosId) {
        this.bytesById = bytesById;
        this.special = special;
        this.eosId = eosId;
    }

    /** Reads {@code tokenizer.json} from a model folder (or the file itself). */
    public static TokenVocabulary load(Path modelDirOrFile) {
        Path file = Files.isDirectory(modelDirOrFile) ? modelDirOrFile.resolve("tokenizer.json") : modelDirOrFile;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No tokenizer.json at " + file
                    + ": the model folder must hold the Hugging Face tokenizer file");
        }
        try {
            return parse(new ObjectMapper().readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer file " + file + ": " + e.getMessage(), e);
        }
    }

    static TokenVocabulary parse(JsonNode root, String source) {
        JsonNode vocab = root.path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IllegalArgumentException("Tokenizer " + source + " has no model.vocab: expected a BPE tokenizer.json");
        }
        int maxId = -1;
        for (JsonNode id : vocab) {
            maxId = Math.max(maxId, id.asInt());
        }
        for (JsonNode added : root.path("added_tokens")) {
            maxId = Math.max(maxId, added.path("id").asInt());
        }
        byte[][] bytes = new byte[maxId + 1][];
        BitSet special = new BitSet(maxId + 1);
        Iterator<Map.Entry<String, JsonNode>> it = vocab.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            bytes[e.getValue().asInt()] = pieceBytes(e.getKey());
        }
        int eos = -1;
        for (JsonNode added : root.path("added_tokens")) {
            int id = added.path("id").asInt();
            bytes[id] = null;
            special.set(id);
            if ("</s>".equals(added.path("content").asText())) {
                eos = id;
            }
        }
        if (eos < 0) {
            throw new IllegalArgumentException("Tokenizer " + source + " has no </s> token: cannot end a constrained answer");
        }
        return new TokenVocabulary(bytes, special, eos);
    }

    static byte[] pieceBytes(String piece) {
        Matcher m = BYTE_PIECE.matcher(piece);
        if (m.matches()) {
            return new byte[] {(byte) Integer.parseInt(m.group(1), 16)};
        }
        return piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
    }

    /** Number of ids the tokenizer defines (the model's logits may be longer; extra ids are never allowed). */
    public int size() {
        return bytesById.length;
    }

    /** The bytes of a text token, or {@code null} for special/unused ids. */
    public byte[] bytes(int id) {
        return id >= 0 && id < bytesById.length ? bytesById[id] : null;
    }

    public boolean isSpecial(int id) {
        return special.get(id);
    }

    public int eosId() {
        return eosId;
    }

    /** Decodes ids to text the way the Llama decoder does (no leading-space strip). */
    public String decode(int[] ids, int length) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < length; i++) {
            byte[] b = bytes(ids[i]);
            if (b != null) {
                out.writeBytes(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
