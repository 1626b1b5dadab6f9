package adreview.ui.list;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.ui.data.ImageLocation;
import adreview.ui.data.VariantSummary;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VariantFilterTest {

    private final VariantSummary coffeeDone = variant("acme-coffee", "vlm_judge", "done", "pass");
    private final VariantSummary teaFailed = variant("seoul-tea", "vlm_analyze", "failed", null);
    private final VariantSummary shoesQueued = variant("faulty-shoes", "img_gen", "queued", "fail: contrast");
    private final List<VariantSummary> all = List.of(coffeeDone, teaFailed, shoesQueued);

    @Test
    void emptyFilterKeepsEverything() {
        assertThat(all).filteredOn(VariantFilter.ALL).containsExactlyElementsOf(all);
    }

    @Test
    void statusesAndStepsAreSetsOfAllowedValues() {
        assertThat(all).filteredOn(VariantFilter.ALL.withStatuses(Set.of("failed", "queued")))
                .containsExactly(teaFailed, shoesQueued);
        assertThat(all).filteredOn(VariantFilter.ALL.withStatuses(Set.of("failed", "queued")).withSteps(Set.of("img_gen")))
                .containsExactly(shoesQueued);
    }

    @Test
    void freeTextMatchesEveryWordCaseInsensitively() {
        assertThat(all).filteredOn(VariantFilter.ALL.withText("  ACME  ")).containsExactly(coffeeDone);
        assertThat(all).filteredOn(VariantFilter.ALL.withText("shoes contrast")).containsExactly(shoesQueued);
        assertThat(all).filteredOn(VariantFilter.ALL.withText("tea contrast")).isEmpty();
    }

    @Test
    void freeTextMatchesIdPrefixes() {
        String prefix = teaFailed.variantId().toString().substring(0, 8);
        assertThat(all).filteredOn(VariantFilter.ALL.withText(prefix)).containsExactly(teaFailed);
    }

    private static VariantSummary variant(String tenant, String step, String status, String verdict) {
        return new VariantSummary(UUID.randomUUID(), UUID.randomUUID(), tenant, step, status, null, verdict,
                Instant.now(), ImageLocation.unavailable(null, "img_asset_id", "no image URL"));
    }
}
