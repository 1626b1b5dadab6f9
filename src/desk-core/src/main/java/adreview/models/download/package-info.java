/**
 * Downloads a model folder from the Hugging Face hub: lists the repository's files through the hub API,
 * fetches the needed ones through resumable {@code .part} files with HTTP range requests, checks each
 * against the hub's SHA-256 and only then moves it into the model folder. Uses {@code adreview.models}; no UI.
 */
package adreview.models.download;
