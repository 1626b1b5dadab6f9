package adreview.llava;

/** Called after each generated token (on the generating thread): its index, id and the decoded text so far. */
@FunctionalInterface
public interface TokenListener {
    void onToken(int index, int tokenId, String textSoFar);
}
