/**
 * The model manager: listing, verifying and downloading Hugging Face model folders. Uses {@code llava} to judge completeness; no UI.
 */
package adreview.models;
