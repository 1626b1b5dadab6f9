/**
 * The Models view: the model folders with their facts, a hub download with progress, cancel and resume,
 * and a "Use this model" hook. {@link adreview.ui.models.ModelsViewModel} holds the state and talks to
 * {@code adreview.models}; {@link adreview.ui.models.ModelsView} only lays out controls.
 */
package adreview.ui.models;
