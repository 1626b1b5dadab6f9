package adreview.llava;

import adreview.llava.config.ConfigException;
import adreview.llava.config.LlavaConfig;
import adreview.llava.net.ExpectedTensors;
import adreview.llava.weights.ShardedWeights;
import adreview.llava.weights.TensorInfo;
import adreview.llava.weights.TensorNames;
import adreview.llava.weights.WeightsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a Hugging Face LLaVA-1.5 folder without loading it: config, tokenizer, image processor config, every shard
 * the index names, and every tensor the engine reads (present under legacy or transformers-5 names, right shape,
 * floating type). Reads only headers, so it is fast even for a 14 GB checkpoint.
 */
public final class ModelFolder {
    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String PREPROCESSOR = "preprocessor_config.json";

    private ModelFolder() {
    }

    public static ModelFolderReport validate(Path folder) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add("model folder " + folder + " does not exist");
            return new ModelFolderReport(folder, problems, null, 0);
        }
        LlavaConfig config = null;
        try {
            config = LlavaConfig.load(folder.resolve(CONFIG));
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        for (String file : new String[] {TOKENIZER, PREPROCESSOR}) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                problems.add(file + " is missing from " + folder);
            }
        }
        long bytes = 0;
        try (ShardedWeights weights = ShardedWeights.open(folder)) {
            bytes = weights.totalBytes();
            if (config != null) {
                problems.addAll(checkTensors(weights, config));
            }
        } catch (WeightsException e) {
            problems.add(e.getMessage());
        }
        return new ModelFolderReport(folder, problems, config, bytes);
    }

    /** Missing tensors, wrong shapes and non-floating types, each naming tensor and file. */
    static List<String> checkTensors(ShardedWeights weights, LlavaConfig config) {
        List<String> problems = new ArrayList<>();
        TensorNames names = TensorNames.detect(weights);
        for (Map.Entry<String, long[]> e : ExpectedTensors.of(config).entrySet()) {
            String stored = names.stored(e.getKey());
            if (!weights.contains(stored)) {
                problems.add("tensor " + stored + " is missing from the weights in " + weights.folder());
                continue;
            }
            TensorInfo info = weights.info(stored);
            if (!Arrays.equals(info.shape(), e.getValue())) {
                problems.add("tensor " + stored + " in " + info.file().getFileName() + " has shape "
                        + info.shapeText() + " but config.json implies " + Arrays.toString(e.getValue()));
            } else if (!info.dtype().isFloating()) {
                problems.add("tensor " + stored + " in " + info.file().getFileName() + " is " + info.dtype()
                        + ", expected F16, BF16 or F32");
            }
        }
        return problems;
    }
}
