/**
 * Every key of the desk in one table ({@link adreview.ui.keys.KeyBinding}): what each does, in which group and
 * scope, with its default keys. The key handling, the help overlay, the status bar's hints and the README's key
 * table all come from it, and a test checks that no two bindings of a scope share a key. Depends on JavaFX's key
 * codes only.
 */
package adreview.ui.keys;
