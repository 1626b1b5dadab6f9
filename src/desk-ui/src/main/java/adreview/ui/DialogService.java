package adreview.ui;

import adreview.ui.about.AboutInfo;

import java.util.Optional;

/**
 * Every dialog of the desk goes through here, so each gets the main window as owner and tests can see (and answer)
 * what would have been shown.
 */
public interface DialogService {

    /** A readable error (one sentence, what to do), never a stack trace. */
    void showError(String title, String message);

    /** A yes/no question; true when the reviewer chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel, String cancelLabel);

    /** A line of text (a name); empty when the reviewer cancels. */
    Optional<String> askText(String title, String prompt, String initial);

    /** Settings and about: reviewer, language, effective configuration with sources, versions. */
    void showAbout(AboutInfo info);
}
