/**
 * The model manager: listing, verifying and downloading Hugging Face model folders; no UI here.
 * {@link adreview.models.ModelCatalog} lists folders, {@link adreview.models.ModelVerifier} judges whether
 * one is complete, and {@code adreview.models.download} fetches one from the hub. May depend on {@code llava}.
 */
package adreview.models;
