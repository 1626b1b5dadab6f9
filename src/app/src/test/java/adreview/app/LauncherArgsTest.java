package adreview.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherArgsTest {

    @AfterEach
    void clear() {
        System.clearProperty("adreview.test.home");
        System.clearProperty("adreview.test.flag");
    }

    @Test
    void leadingDefinesBecomeSystemPropertiesAndTheRestIsTheCommandLine() {
        String[] rest = LauncherArgs.applySystemProperties(
                new String[] {"-Dadreview.test.home=/tmp/desk home", "-Dadreview.test.flag", "list", "-Dnot.this=1"});

        assertThat(System.getProperty("adreview.test.home")).isEqualTo("/tmp/desk home");
        assertThat(System.getProperty("adreview.test.flag")).isEmpty();
        assertThat(rest).containsExactly("list", "-Dnot.this=1");
        assertThat(System.getProperty("not.this")).isNull();
    }

    @Test
    void withoutDefinesNothingChanges() {
        assertThat(LauncherArgs.applySystemProperties(new String[] {"show", "abc"})).containsExactly("show", "abc");
        assertThat(LauncherArgs.applySystemProperties(new String[0])).isEmpty();
    }
}
