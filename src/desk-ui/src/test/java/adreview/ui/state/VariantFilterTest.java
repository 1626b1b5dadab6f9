package adreview.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.desk.ListedVariant;
import adreview.store.VariantRow;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VariantFilterTest {

    private final ListedVariant coffeeDone = variant("acme-coffee", "vlm_judge", "done", "pass");
    private final ListedVariant teaFailed = variant("seoul-tea", "vlm_analyze", "failed", null);
    private final ListedVariant shoesQueued = variant("faulty-shoes", "img_gen", "queued", "fail: contrast");
    private final List<ListedVariant> all = List.of(coffeeDone, teaFailed, shoesQueued);

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
        String prefix = teaFailed.row().variantId().toString().substring(0, 8);
        assertThat(all).filteredOn(VariantFilter.ALL.withText(prefix)).containsExactly(teaFailed);
    }

    private static ListedVariant variant(String tenant, String step, String status, String verdict) {
        return new ListedVariant(new VariantRow(UUID.randomUUID(), UUID.randomUUID(), tenant, step, status, Instant.now(),
                null, null, null, null, null, verdict, null, false), null);
    }
}
