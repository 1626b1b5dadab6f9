package adreview.review.structured;

import java.util.Arrays;

/**
 * All text tokens of a vocabulary in a byte trie (first-child / next-sibling arrays), so that a
 * token mask is one depth-first walk: a prefix the automaton rejects prunes every token below it,
 * as llama.cpp's grammar sampler does with its token trie. Tokens with identical bytes (a space is
 * both {@code ▁} and {@code <0x20>}) share a node.
 */
final class TokenTrie {

    final int[] firstChild;
    final int[] nextSibling;
    final int[] label;
    /** Tokens ending at node n: {@code tokens[tokenStart[n] .. tokenStart[n+1])}. */
    final int[] tokenStart;
    final int[] tokens;
    final int maxTokenBytes;

    private TokenTrie(int[] firstChild, int[] nextSibling, int[] label, int[] tokenStart, int[] tokens, int maxTokenBytes) {
        this.firstChild = firstChild;
        this.nextSibling = nextSibling;
        this.label = label;
        this.tokenStart = tokenStart;
        this.tokens = tokens;
        this.maxTokenBytes = maxTokenBytes;
    }

    static TokenTrie build(TokenVocabulary vocab) {
        int cap = 1 << 16;
        int[] first = new int[cap];
        int[] next = new int[cap];
        int[] lab = new int[cap];
        int[] endCount = new int[cap];
        int[] endNode = new int[vocab.size()];
        Arrays.fill(endNode, -1);
        Arrays.fill(first, -1);
        Arrays.fill(next, -1);
        int nodes = 1; // node 0 is the root
        int maxLen = 0;
        for (int id = 0; id < vocab.size(); id++) {
            byte[] bytes = vocab.bytes(id);
            if (bytes == null || bytes.length == 0) {
                continue;
            }
            maxLen = Math.max(maxLen, bytes.length);
            int node = 0;
            for (byte value : bytes) {
                int b = value & 0xFF;
                int child = first[node];
                int prev = -1;
                while (child != -1 && lab[child] < b) {
                    prev = child;
                    child = next[child];
                }
                if (child == -1 || lab[child] != b) {
                    if (nodes == first.length) {
                        int n = first.length * 2;
                        first = grow(first, n);
                        next = grow(next, n);
                        lab = Arrays.copyOf(lab, n);
                        endCount = Arrays.copyOf(endCount, n);
                    }
                    int created = nodes++;
                    lab[created] = b;
                    next[created] = child;
                    if (prev == -1) {
                        first[node] = created;
                    } else {
                        next[prev] = created;
                    }
                    child = created;
                }
                node = child;
            }
            endNode[id] = node;
            endCount[node]++;
        }
        int[] start = new int[nodes + 1];
        for (int n = 0; n < nodes; n++) {
            start[n + 1] = start[n] + endCount[n];
        }
        int[] fill = Arrays.copyOf(start, nodes);
        int[] toks = new int[start[nodes]];
        for (int id = 0; id < endNode.length; id++) {
            if (endNode[id] >= 0) {
                toks[fill[endNode[id]]++] = id;
            }
        }
        return new TokenTrie(Arrays.copyOf(first, nodes), Arrays.copyOf(next, nodes), Arrays.copyOf(lab, nodes),
                start, toks, maxLen);
    }

    private static int[] grow(int[] a, int n) {
        int old = a.length;
        int[] r = Arrays.copyOf(a, n);
        Arrays.fill(r, old, n, -1);
        return r;
    }

    int nodeCount() {
        return label.length;
    }
}
