package adreview.review.result;

/** A model answer that does not have the stage's JSON shape; the message names the field. */
public class AnswerFormatException extends IllegalArgumentException {
    public AnswerFormatException(String message) {
        super(message);
    }
}
