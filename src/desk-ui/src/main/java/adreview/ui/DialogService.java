package adreview.ui;

import adreview.ui.about.AboutInfo;

/**
 * Every dialog of the desk goes through here, so each gets the main window as owner and tests can
 * see what would have been shown.
 */
public interface DialogService {

    /** A readable error (one sentence, what to do), never a stack trace. */
    void showError(String title, String message);

    /** A yes/no question; true when the reviewer chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /** The settings/about dialog: effective configuration with sources, versions. */
    void showAbout(AboutInfo info);
}
