package adreview.llava.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * The LLaVA-1.5 (Llama-2 / Vicuna) tokenizer of a model folder, on DJL's {@link HuggingFaceTokenizer}. Reads only
 * local files ({@code tokenizer.json}, and {@code tokenizer_config.json} for the names of BOS, EOS and pad).
 *
 * <p>Truncation and padding are off: DJL would otherwise cut every encoding at 512 tokens, and a prompt with 576
 * image tokens is longer. Added tokens marked special in {@code tokenizer.json} ({@code <s>}, {@code </s>},
 * {@code <unk>}, {@code <image>}, {@code <pad>}) are matched whole in the input and skipped when decoding.
 * Thread-safe; close it to free the native tokenizer.
 */
public final class LlavaTokenizer implements AutoCloseable {

    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String TOKENIZER_CONFIG_FILE = "tokenizer_config.json";
    public static final String IMAGE_TOKEN = "<image>";

    private static final char SPACE_MARK = '\u2581';

    private final HuggingFaceTokenizer tokenizer;
    /** Piece of each id ({@code null} where the vocabulary has a hole). */
    private final String[] pieces;
    private final BitSet special;
    private final int bos;
    private final int eos;
    private final int pad;
    private final int image;

    private LlavaTokenizer(HuggingFaceTokenizer tokenizer, String[] pieces, BitSet special,
                           int bos, int eos, int pad, int image) {
        this.tokenizer = tokenizer;
        this.pieces = pieces;
        this.special = special;
        this.bos = bos;
        this.eos = eos;
        this.pad = pad;
        this.image = image;
    }

    /** Loads {@code tokenizer.json} (and {@code tokenizer_config.json} if present) from a model folder. */
    public static LlavaTokenizer load(Path modelDir) {
        Path file = modelDir.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new NoSuchFileException(file + " is missing: the model folder is"
                    + " incomplete; copy tokenizer.json from the model's repository"));
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Integer> ids = new HashMap<>();
        BitSet special = new BitSet();
        JsonNode vocab = root.path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IllegalArgumentException(file + " has no model.vocab: not a BPE tokenizer.json");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ids.put(e.getKey(), e.getValue().asInt());
        }
        for (JsonNode added : root.path("added_tokens")) {
            int id = added.path("id").asInt();
            ids.put(added.path("content").asText(), id);
            if (added.path("special").asBoolean(false)) {
                special.set(id);
            }
        }
        int size = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        String[] pieces = new String[size];
        ids.forEach((piece, id) -> pieces[id] = piece);

        JsonNode config = readConfig(modelDir.resolve(TOKENIZER_CONFIG_FILE), json);
        int bos = requireId(ids, tokenName(config, "bos_token", "<s>"), file, "bos_token");
        int eos = requireId(ids, tokenName(config, "eos_token", "</s>"), file, "eos_token");
        String padName = tokenName(config, "pad_token", "<pad>");
        int pad = padName != null && ids.containsKey(padName) ? ids.get(padName) : -1;
        int image = requireId(ids, IMAGE_TOKEN, file, "image token");
        if (!special.get(image)) {
            throw new IllegalArgumentException(file + ": <image> (id " + image + ") is not a special added token;"
                    + " it would be split into pieces. Use llava-hf's tokenizer.json");
        }

        optOutOfDjlTelemetry();
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(true)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load " + file + " with DJL's Hugging Face tokenizer: "
                    + e.getMessage(), e);
        }
        return new LlavaTokenizer(tokenizer, pieces, special, bos, eos, pad, image);
    }

    /**
     * DJL "calls home" when a tokenizer or engine loads (EC2 metadata at 169.254.169.254, then a telemetry URL),
     * unless OPT_OUT_TRACKING is set. The desk runs offline and must not; an explicit setting is respected.
     */
    static void optOutOfDjlTelemetry() {
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private static JsonNode readConfig(Path configFile, ObjectMapper json) {
        if (!Files.isRegularFile(configFile)) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(configFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile + ": " + e.getMessage(), e);
        }
    }

    /** A token named in tokenizer_config.json: a string, or an AddedToken object with "content". */
    private static String tokenName(JsonNode config, String field, String fallback) {
        JsonNode node = config.path(field);
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject() && node.path("content").isTextual()) {
            return node.path("content").asText();
        }
        return node.isNull() ? null : fallback;
    }

    private static int requireId(Map<String, Integer> ids, String token, Path file, String what) {
        Integer id = token == null ? null : ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException(file + " has no token " + token + " (" + what + ")");
        }
        return id;
    }

    /** Token ids of {@code text}; with {@code addSpecialTokens} a BOS ({@code <s>}) goes first. Never truncated. */
    public long[] encode(String text, boolean addSpecialTokens) {
        Objects.requireNonNull(text, "text");
        return tokenizer.encode(text, addSpecialTokens, false).getIds();
    }

    /** The text of {@code ids}, special tokens skipped (as transformers' {@code skip_special_tokens=True}). */
    public String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    /** The text of {@code ids} with special tokens kept (for traces and debugging). */
    public String decodeWithSpecialTokens(long[] ids) {
        return tokenizer.decode(ids, false);
    }

    /**
     * The piece of one token as text: {@code ▁} as a space ({@code "▁Hello"} is {@code " Hello"}), special tokens
     * as written ({@code "</s>"}), byte-fallback pieces of ASCII bytes as the character ({@code <0x0A>} is a
     * newline) and of other bytes as written ({@code "<0xEC>"}: one byte of a multi-byte character, use
     * {@link #streamingDecoder()} to join them). Ids the tokenizer lacks (the model's vocabulary is padded to 32064)
     * give {@code ""}.
     */
    public String decodeToken(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("token id " + id + " is negative");
        }
        String piece = id < pieces.length ? pieces[id] : null;
        if (piece == null) {
            return "";
        }
        if (special.get(id)) {
            return piece;
        }
        if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            int b = Integer.parseInt(piece.substring(3, 5), 16);
            return b < 0x80 ? String.valueOf((char) b) : piece;
        }
        return piece.replace(SPACE_MARK, ' ');
    }

    /** Whether {@code id} is a special token (skipped when decoding). */
    public boolean isSpecial(int id) {
        return id >= 0 && special.get(id);
    }

    /** A new incremental decoder for one generation (see {@link StreamingDecoder}). */
    public StreamingDecoder streamingDecoder() {
        return new StreamingDecoder(this);
    }

    /** Ids the tokenizer knows: 0 to {@code vocabSize() - 1} (32002 for LLaVA-1.5; the model's head is 32064 wide). */
    public int vocabSize() {
        return pieces.length;
    }

    public int imageTokenId() {
        return image;
    }

    public int eosTokenId() {
        return eos;
    }

    public int bosTokenId() {
        return bos;
    }

    /** The pad token's id, or -1 where the tokenizer has none. */
    public int padTokenId() {
        return pad;
    }

    /** The ids of all special tokens. */
    public int[] specialTokenIds() {
        return special.stream().toArray();
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "LlavaTokenizer[vocab " + vocabSize() + ", bos " + bos + ", eos " + eos + ", pad " + pad
                + ", image " + image + ", specials " + Arrays.toString(specialTokenIds()) + "]";
    }
}
