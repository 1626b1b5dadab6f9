package adreview.llava.image;

/**
 * An image that cannot be used, said in one sentence for a person: "image ad.png is truncated", "image ad.png is
 * 30000 × 30000, above the 64-megapixel limit". Never a decoder's class name or stack trace. An
 * {@link IllegalArgumentException}, so callers that already turn bad input into a failed run (a stage run, the CLI)
 * need nothing new.
 */
public final class ImageException extends IllegalArgumentException {

    private final String image;
    private final String problem;

    /**
     * @param image   how the image is named to the reader (a path, or a label such as "the render")
     * @param problem the end of the sentence after the image's name: "is truncated"
     */
    public ImageException(String image, String problem) {
        this(image, problem, null);
    }

    public ImageException(String image, String problem, Throwable cause) {
        super("image " + image + " " + problem, cause);
        this.image = image;
        this.problem = problem;
    }

    /** The image's name as given. */
    public String image() {
        return image;
    }

    /** The sentence without the name: "image is truncated", for a place that shows the name already. */
    public String problem() {
        return "image " + problem;
    }
}
