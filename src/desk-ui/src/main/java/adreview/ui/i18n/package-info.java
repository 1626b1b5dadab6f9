/**
 * The UI's words in Korean and English: {@link adreview.ui.i18n.Messages} reads the {@code messages} resource
 * bundles ({@code messages_en.properties}, {@code messages_ko.properties}, UTF-8) for the language the reviewer
 * chose in Settings, else the system's. Depends on nothing else in the desk.
 */
package adreview.ui.i18n;
