package adreview.ui.list;

import adreview.desk.ListedVariant;
import adreview.ui.Badges;
import adreview.ui.Formats;
import adreview.ui.i18n.Messages;
import adreview.ui.image.ImageState;
import adreview.ui.image.ThumbnailCache;
import adreview.ui.state.StateManager;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every filtered variant as a thumbnail with its step, status, score and decision: what a reviewer scans before
 * opening one. Click selects, Ctrl+click adds, Shift+click selects a range; the arrows move; Enter or a double-click
 * opens the variant in the detail area (the window's keys — decisions, runs — act on the grid's selection).
 */
public final class VariantGridView extends GridView<ListedVariant> {

    private final StateManager state;
    private final List<Runnable> repaint = new ArrayList<>();
    private Runnable onOpen = () -> { };
    private int anchor = -1;

    public VariantGridView(VariantListViewModel model, ThumbnailCache thumbnails) {
        super(model.visibleVariants());
        this.state = model.state();
        setId("variantGrid");
        getStyleClass().add("variant-grid");
        setCellWidth(ThumbnailCache.GRID_SIZE + 16);
        setCellHeight(ThumbnailCache.GRID_SIZE + 62);
        setHorizontalCellSpacing(6);
        setVerticalCellSpacing(6);
        setCellFactory(g -> new Cell(thumbnails));
        setFocusTraversable(true);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        state.selectedVariants().addListener((ListChangeListener<ListedVariant>) c -> repaint.forEach(Runnable::run));
        state.currentProperty().addListener((obs, old, v) -> repaint.forEach(Runnable::run));
    }

    /** What Enter and a double-click do (open the variant in the list's place). */
    public void setOnOpen(Runnable action) {
        onOpen = action == null ? () -> { } : action;
    }

    private int columns() {
        double w = getWidth() - 20;
        return Math.max(1, (int) Math.floor((w + getHorizontalCellSpacing() * 2) / (getCellWidth() + getHorizontalCellSpacing() * 2)));
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        int n = getItems().size();
        if (n == 0) {
            return;
        }
        int at = state.current() == null ? -1 : getItems().indexOf(state.current());
        int to = switch (e.getCode()) {
            case RIGHT -> at + 1;
            case LEFT -> at - 1;
            case DOWN -> at + columns();
            case UP -> at - columns();
            case HOME -> 0;
            case END -> n - 1;
            default -> Integer.MIN_VALUE;
        };
        if (e.getCode() == KeyCode.ENTER) {
            onOpen.run();
            e.consume();
            return;
        }
        if (to == Integer.MIN_VALUE) {
            return;
        }
        to = Math.max(0, Math.min(n - 1, at < 0 ? 0 : to));
        select(to, e.isShiftDown(), false);
        e.consume();
    }

    private void select(int index, boolean range, boolean add) {
        ListedVariant target = getItems().get(index);
        Set<ListedVariant> chosen = new LinkedHashSet<>();
        if (range && anchor >= 0 && anchor < getItems().size()) {
            for (int i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
                chosen.add(getItems().get(i));
            }
        } else if (add) {
            chosen.addAll(state.selectedVariants());
            if (!chosen.remove(target)) {
                chosen.add(target);
            }
            anchor = index;
        } else {
            chosen.add(target);
            anchor = index;
        }
        List<ListedVariant> ordered = getItems().stream().filter(chosen::contains).toList();
        state.select(ordered, chosen.contains(target) ? target : null);
        scrollTo(index);
    }

    private void scrollTo(int index) {
        var flow = lookup(".virtual-flow");
        if (flow instanceof javafx.scene.control.skin.VirtualFlow<?> vf) {
            vf.scrollTo(index / columns());
        }
    }

    /** One variant: the thumbnail with a mark for a missing or corrupt image, badges, id and score. */
    private final class Cell extends GridCell<ListedVariant> {
        private final ThumbnailCache thumbnails;
        private final ImageView view = new ImageView();
        private final Label problem = new Label();
        private final StackPane picture = new StackPane();
        private final Label status = Badges.status(null);
        private final Label decision = Badges.status(null);
        private final Label id = new Label();
        private final Label score = new Label();
        private final VBox box;

        Cell(ThumbnailCache thumbnails) {
            this.thumbnails = thumbnails;
            getStyleClass().add("variant-grid-cell");
            view.setFitWidth(ThumbnailCache.GRID_SIZE);
            view.setFitHeight(ThumbnailCache.GRID_SIZE);
            view.setPreserveRatio(true);
            problem.getStyleClass().add("thumbnail-problem");
            picture.setMinSize(ThumbnailCache.GRID_SIZE, ThumbnailCache.GRID_SIZE);
            picture.setMaxSize(ThumbnailCache.GRID_SIZE, ThumbnailCache.GRID_SIZE);
            picture.getStyleClass().add("thumbnail-box");
            id.getStyleClass().add("id-column");
            score.getStyleClass().add("grid-score");
            HBox badges = new HBox(4, status, decision);
            badges.setAlignment(Pos.CENTER_LEFT);
            HBox line = new HBox(6, id, score);
            line.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, picture, badges, line);
            box.setAlignment(Pos.TOP_CENTER);
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                int index = getIndex();
                if (getItem() == null || index < 0) {
                    return;
                }
                requestFocus();
                VariantGridView.this.requestFocus();
                select(getItems().indexOf(getItem()), e.isShiftDown(), e.isShortcutDown());
                if (e.getClickCount() == 2) {
                    onOpen.run();
                }
            });
            repaint.add(this::markSelection);
        }

        @Override
        protected void updateItem(ListedVariant item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            var r = item.row();
            Badges.update(status, r.status());
            status.setText((r.currentStep() == null ? "" : r.currentStep() + " · ") + Badges.statusText(r.status()));
            if (item.decision() == null) {
                decision.setVisible(false);
            } else {
                decision.setVisible(true);
                Badges.updateDecision(decision, item.decision().verdict());
            }
            id.setText(Formats.shortId(r.variantId()));
            score.setText(r.stage1Score() == null ? "" : Messages.get("grid.score", Formats.score(r.stage1Score()))
                    + (r.stage2Verdict() == null ? "" : " · " + r.stage2Verdict()));
            setTooltip(new Tooltip(r.variantId() + "\n" + Formats.orDash(r.tenantId())));
            view.setImage(null);
            picture.getChildren().setAll(view);
            thumbnails.request(r.imageUrl(), s -> {
                if (getItem() != item) {
                    return;
                }
                if (s instanceof ImageState.Shown shown) {
                    view.setImage(shown.image());
                    picture.getChildren().setAll(view);
                } else if (s instanceof ImageState.Problem p) {
                    problem.setText(p.title());
                    picture.getChildren().setAll(problem);
                }
            });
            setGraphic(box);
            markSelection();
        }

        private void markSelection() {
            ListedVariant item = getItem();
            boolean selected = item != null && state.selectedVariants().contains(item);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), item != null && item.equals(state.current()));
        }
    }
}
