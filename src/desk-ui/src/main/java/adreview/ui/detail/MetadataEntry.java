package adreview.ui.detail;

/** One labelled value of the variant's metadata (ids, job, tenant, step, status, times, image paths). */
public record MetadataEntry(String label, String value) {
}
