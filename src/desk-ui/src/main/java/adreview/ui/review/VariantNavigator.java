package adreview.ui.review;

import java.util.List;

/** The main window's variant list as the review keys use it. Called on the UI thread. */
public interface VariantNavigator {

    /** The variant shown in the detail pane, or null. */
    VariantRef current();

    /** The selected variants, in list order (one or more for a batch); empty when none. */
    List<VariantRef> selection();

    /** Moves the selection to the next variant; false at the end. */
    boolean selectNext();

    /** Moves the selection to the previous variant; false at the start. */
    boolean selectPrevious();
}
