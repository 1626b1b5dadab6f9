package adreview.ui.list;

import adreview.ui.Badges;
import adreview.ui.Formats;
import adreview.desk.ListedVariant;
import adreview.review.decision.Verdict;
import adreview.ui.i18n.Messages;
import adreview.ui.image.ImageState;
import adreview.ui.image.ThumbnailCache;
import adreview.ui.prefs.ColumnLayout;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.state.StateManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** The variant table: thumbnail, ids, tenant, step, status badge, scores, reviewer decision, updated; sortable. */
public final class VariantListView extends TableView<ListedVariant> {

    private boolean syncing;

    public VariantListView(VariantListViewModel model, ThumbnailCache thumbnails, UiPreferences preferences) {
        setId("variantTable");
        getStyleClass().add("variant-table");
        // The view model keeps the order: a click on a header sorts it once, updated rows stay where they are.
        setItems(model.visibleVariants());
        setSortPolicy(table -> {
            model.sortBy(getComparator());
            return true;
        });
        setFixedCellSize(ThumbnailCache.SIZE + 8);
        // Columns keep the widths given (and remembered); what does not fit scrolls sideways instead of every
        // column shrinking to "…".
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<ListedVariant, ListedVariant> thumb = new TableColumn<>("");
        thumb.setId("thumbnailColumn");
        thumb.setSortable(false);
        thumb.setMinWidth(ThumbnailCache.SIZE + 12);
        thumb.setMaxWidth(ThumbnailCache.SIZE + 12);
        thumb.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        thumb.setCellFactory(c -> new ThumbnailCell(thumbnails));

        // The id with tenant and step under it: one column that stays readable in a narrow list.
        TableColumn<ListedVariant, ListedVariant> variant = new TableColumn<>(Messages.get("list.column.variant"));
        variant.setId("variantColumn");
        variant.setPrefWidth(180);
        variant.setMinWidth(96);
        variant.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        variant.setCellFactory(c -> new VariantCell());
        variant.setComparator(Comparator.comparing((ListedVariant v) -> v.row().variantId().toString()));
        TableColumn<ListedVariant, String> job = text(Messages.get("list.column.job"), 70, v -> Formats.shortId(v.row().jobId()));
        job.getStyleClass().add("id-column");
        job.setId("jobColumn");
        job.setVisible(false); // the detail header names the job; the table menu (+) shows the column
        TableColumn<ListedVariant, String> tenant = text(Messages.get("list.column.tenant"), 100, v -> v.row().tenantId());
        tenant.setId("tenantColumn");
        tenant.setVisible(false); // shown under the id; the table menu (+) adds a sortable column
        TableColumn<ListedVariant, String> step = text(Messages.get("list.column.step"), 96, v -> v.row().currentStep());
        step.setId("stepColumn");
        step.setComparator(Comparator.comparingInt(VariantListView::stepOrder));
        step.setVisible(false);

        TableColumn<ListedVariant, String> status = new TableColumn<>(Messages.get("list.column.status"));
        status.setId("statusColumn");
        status.setPrefWidth(80);
        status.setMinWidth(76);
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row().status()));
        status.setCellFactory(c -> new BadgeCell<String>(Badges::update));

        TableColumn<ListedVariant, Double> score = headed(new TableColumn<>(Messages.get("list.column.score")),
                Messages.get("list.column.score.tip"));
        score.setId("scoreColumn");
        score.setPrefWidth(60);
        score.setMinWidth(48);
        score.getStyleClass().add("number-column");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row().stage1Score()));
        score.setCellFactory(c -> new ScoreCell());
        score.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));

        TableColumn<ListedVariant, String> verdict = headed(text("", 88, v -> v.row().stage2Verdict()),
                Messages.get("list.column.verdict.tip"));
        ((Label) verdict.getGraphic()).setText(Messages.get("list.column.verdict"));
        verdict.setId("verdictColumn");
        verdict.setMinWidth(60);
        verdict.setCellFactory(c -> new VerdictCell());

        // The score and verdict are the pipeline's own results; a re-judge never replaces them, it is marked here.
        TableColumn<ListedVariant, String> rejudged = headed(text(Messages.get("list.column.rejudged"), 34, v -> v.row().rejudged() ? "↻" : ""),
                Messages.get("list.column.rejudged.tip"));
        rejudged.setId("rejudgedColumn");
        rejudged.setMinWidth(30);

        TableColumn<ListedVariant, Verdict> decision = headed(new TableColumn<>(Messages.get("list.column.decision")),
                Messages.get("list.column.decision.tip"));
        decision.setId("decisionColumn");
        decision.setPrefWidth(88);
        decision.setMinWidth(80);
        decision.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().decision() == null ? null : c.getValue().decision().verdict()));
        decision.setCellFactory(c -> new BadgeCell<Verdict>(Badges::updateDecision));
        decision.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));

        TableColumn<ListedVariant, Instant> updated = new TableColumn<>(Messages.get("list.column.updated"));
        updated.setId("updatedColumn");
        updated.setPrefWidth(96);
        updated.setMinWidth(84);
        updated.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row().updatedAt()));
        updated.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        updated.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.shortTime(item));
                setTooltip(empty || item == null ? null : new Tooltip(Formats.time(item)));
            }
        });
        getColumns().setAll(java.util.List.of(thumb, variant, status, decision, score, verdict, rejudged, updated, job,
                tenant, step));
        ColumnLayout.remember(this, preferences, "list-columns");
        updated.setSortType(TableColumn.SortType.DESCENDING);
        getSortOrder().add(updated);
        setTableMenuButtonVisible(true);
        // The detail pane is never empty when there is something to show: the first row is selected.
        getItems().addListener((javafx.collections.ListChangeListener<ListedVariant>) c -> {
            if (!model.isReplacing() && model.state().current() == null && getSelectionModel().isEmpty()
                    && !getItems().isEmpty()) {
                getSelectionModel().selectFirst();
            }
        });

        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.messageProperty().isEmpty())
                .then(Messages.get("list.noMatch")).otherwise(model.messageProperty()));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder-text");
        setPlaceholder(placeholder);

        // The table's selection is the window's (StateManager): batch runs and bulk decisions use all of it.
        getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        StateManager state = model.state();
        javafx.beans.InvalidationListener toState = obs -> {
            if (!syncing && !model.isReplacing()) {
                syncing = true;
                state.select(java.util.List.copyOf(getSelectionModel().getSelectedItems()), getSelectionModel().getSelectedItem());
                syncing = false;
            }
        };
        getSelectionModel().getSelectedItems().addListener(toState);
        getSelectionModel().selectedItemProperty().addListener(toState);
        state.currentProperty().addListener((obs, old, v) -> {
            if (syncing || v == null || getSelectionModel().getSelectedItems().contains(v)
                    && getSelectionModel().getSelectedItem() == v) {
                return;
            }
            syncing = true;
            int i = getItems().indexOf(v);
            if (i >= 0) {
                java.util.List<Integer> keep = state.selectedVariants().stream().map(getItems()::indexOf).filter(n -> n >= 0).toList();
                getSelectionModel().clearSelection();
                keep.forEach(getSelectionModel()::select);
                getSelectionModel().select(i); // last: the focused, shown one
            }
            syncing = false;
        });
        // J / K are the window's keys (the review keymap moves the selection), not the table's.
    }

    /** Moves the selection by {@code delta} rows (J = +1, K = -1), keeping it in view. */
    public void move(int delta) {
        if (getItems().isEmpty()) {
            return;
        }
        int index = getSelectionModel().getSelectedIndex();
        int next = index < 0 ? 0 : Math.max(0, Math.min(getItems().size() - 1, index + delta));
        getSelectionModel().clearAndSelect(next);
        getFocusModel().focus(next);
        scrollToVisible(next);
    }

    /**
     * Selects the variant's row and scrolls to it (the Report view opens variants this way).
     *
     * @return false when the variant is not among the rows the filters show
     */
    public boolean select(java.util.UUID variantId) {
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).row().variantId().equals(variantId)) {
                getSelectionModel().clearAndSelect(i);
                getFocusModel().focus(i);
                scrollToVisible(i);
                return true;
            }
        }
        return false;
    }

    /** Scrolls only as far as needed to show row {@code index} (the review side's navigator uses it). */
    public void reveal(int index) {
        scrollToVisible(index);
    }

    private void scrollToVisible(int index) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.skin.VirtualFlow<javafx.scene.control.IndexedCell<?>> flow =
                (javafx.scene.control.skin.VirtualFlow<javafx.scene.control.IndexedCell<?>>) lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            scrollTo(index);
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        if (index <= first) {
            flow.scrollTo(index);
        } else if (index >= last) {
            flow.scrollToBottom(flow.getCell(index));
        }
    }

    static int stepOrder(String step) {
        int i = VariantListViewModel.KNOWN_STEPS.indexOf(step);
        return i < 0 ? VariantListViewModel.KNOWN_STEPS.size() : i;
    }

    /** A header label with a tooltip that says what the short title means. */
    private static <T> TableColumn<ListedVariant, T> headed(TableColumn<ListedVariant, T> column, String tip) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(tip));
        column.setText("");
        column.setGraphic(header);
        return column;
    }

    private static TableColumn<ListedVariant, String> text(String title, double width,
                                                           Function<ListedVariant, String> value) {
        TableColumn<ListedVariant, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** A thumbnail decoded off the FX thread; a small "missing"/"corrupt" mark when it cannot be shown. */
    private static final class ThumbnailCell extends TableCell<ListedVariant, ListedVariant> {
        private final ThumbnailCache thumbnails;
        private final ImageView view = new ImageView();
        private final Label problem = new Label();
        private final StackPane box = new StackPane();

        ThumbnailCell(ThumbnailCache thumbnails) {
            this.thumbnails = thumbnails;
            view.setFitWidth(ThumbnailCache.SIZE);
            view.setFitHeight(ThumbnailCache.SIZE);
            view.setPreserveRatio(true);
            problem.getStyleClass().add("thumbnail-problem");
            problem.setWrapText(true);
            box.getStyleClass().add("thumbnail-box");
            box.setMinSize(ThumbnailCache.SIZE, ThumbnailCache.SIZE);
            box.setMaxSize(ThumbnailCache.SIZE, ThumbnailCache.SIZE);
            box.setAlignment(Pos.CENTER);
            setAlignment(Pos.CENTER);
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
            view.setImage(null);
            box.getChildren().setAll(view);
            setGraphic(box);
            thumbnails.request(item.row().imageUrl(), state -> {
                if (getItem() != item) {
                    return;
                }
                if (state instanceof ImageState.Shown shown) {
                    view.setImage(shown.image());
                    box.getChildren().setAll(view);
                    setTooltip(null);
                } else if (state instanceof ImageState.Problem p) {
                    String title = p.title();
                    problem.setText(title.equals(Messages.get("image.problem.missing")) ? Messages.get("list.thumbnail.missing")
                            : title.equals(Messages.get("image.problem.corrupt")) ? Messages.get("list.thumbnail.corrupt")
                            : Messages.get("list.thumbnail.noImage"));
                    box.getChildren().setAll(problem);
                    setTooltip(new Tooltip(p.title() + "\n" + p.detail()));
                }
            });
        }
    }

    /** The short id (full id in the tooltip) over "tenant · step". */
    private static final class VariantCell extends TableCell<ListedVariant, ListedVariant> {
        private final Label id = new Label();
        private final Label where = new Label();
        private final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(1, id, where);

        VariantCell() {
            id.getStyleClass().add("variant-id");
            where.getStyleClass().add("variant-where");
            box.setAlignment(Pos.CENTER_LEFT);
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
            id.setText(Formats.shortId(item.row().variantId()));
            where.setText(item.row().tenantId() + " · " + item.row().currentStep());
            setGraphic(box);
            setTooltip(new Tooltip(item.row().variantId().toString()));
        }
    }

    /** A cell showing its value as a badge; {@code style} colours the badge for the value (status or decision). */
    private static final class BadgeCell<T> extends TableCell<ListedVariant, T> {
        private final Label badge = Badges.status(null);
        private final java.util.function.BiConsumer<Label, T> style;

        BadgeCell(java.util.function.BiConsumer<Label, T> style) {
            this.style = style;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                style.accept(badge, item);
                setGraphic(badge);
            }
        }
    }

    private static final class ScoreCell extends TableCell<ListedVariant, Double> {
        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("score-low", "score-mid", "score-high");
            if (empty || item == null) {
                setText(empty ? null : "—");
                return;
            }
            setText(Formats.score(item));
            getStyleClass().add(item < 0.5 ? "score-low" : item < 0.75 ? "score-mid" : "score-high");
        }
    }

    private static final class VerdictCell extends TableCell<ListedVariant, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("verdict-pass", "verdict-issues", "verdict-error");
            if (empty) {
                setText(null);
                return;
            }
            setText(item == null ? "—" : item);
            if (item != null) {
                getStyleClass().add("pass".equals(item) ? "verdict-pass"
                        : "error".equals(item) ? "verdict-error" : "verdict-issues");
            }
            setTooltip(item == null ? null : new Tooltip(item));
        }
    }
}
