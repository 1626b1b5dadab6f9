package adreview.checks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of {@code overlay_layouts.layout} the checks read: the render's declared size and the
 * text boxes. Boxes that cannot be used (no position or size) are skipped with a note naming the
 * index, so one bad box does not hide the others.
 */
public record OverlayLayout(String renderUrl, int renderWidth, int renderHeight, List<TextBox> boxes, List<String> notes) {

    public OverlayLayout {
        boxes = List.copyOf(boxes);
        notes = List.copyOf(notes);
    }

    public static OverlayLayout empty() {
        return new OverlayLayout(null, 0, 0, List.of(), List.of());
    }

    /** Reads the layout JSON; a null or non-object node gives an empty layout with a note. */
    public static OverlayLayout fromJson(JsonNode layout) {
        List<String> notes = new ArrayList<>();
        if (layout == null || layout.isNull() || layout.isMissingNode()) {
            return empty();
        }
        if (!layout.isObject()) {
            notes.add("overlay layout is not a JSON object (" + layout.getNodeType() + "); no text boxes read");
            return new OverlayLayout(null, 0, 0, List.of(), notes);
        }
        JsonNode render = layout.path("render");
        String url = render.path("url").isTextual() ? render.path("url").asText() : null;
        int rw = render.path("width").asInt(0);
        int rh = render.path("height").asInt(0);
        List<TextBox> boxes = new ArrayList<>();
        JsonNode arr = layout.path("text_boxes");
        if (!arr.isMissingNode() && !arr.isNull() && !arr.isArray()) {
            notes.add("layout.text_boxes is not an array; no text boxes read");
        } else if (arr.isArray()) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode b = arr.get(i);
                if (!b.isObject() || !b.path("x").isNumber() || !b.path("y").isNumber()
                        || !b.path("w").isNumber() || !b.path("h").isNumber()) {
                    notes.add("text box " + i + " lacks numeric x, y, w, h; skipped");
                    continue;
                }
                int w = b.path("w").asInt();
                int h = b.path("h").asInt();
                if (w <= 0 || h <= 0) {
                    notes.add("text box " + i + " has an empty area (" + w + "x" + h + "); skipped");
                    continue;
                }
                String weight = b.path("weight").asText("normal");
                boolean bold = weight.equalsIgnoreCase("bold") || weight.equalsIgnoreCase("bolder")
                        || (weight.matches("\\d+") && Integer.parseInt(weight) >= 700);
                boxes.add(new TextBox(i, b.path("text").asText(""), b.path("role").asText(""),
                        b.path("x").asInt(), b.path("y").asInt(), w, h,
                        b.path("font").asText(null), bold, b.path("size").asDouble(0),
                        b.path("colour").isTextual() ? b.path("colour").asText() : b.path("color").asText(null)));
            }
        }
        return new OverlayLayout(url, rw, rh, boxes, notes);
    }
}
