package adreview.review.remote;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteSettingsTest {

    @Test
    void theEndpointIsAnHttpUrlWithoutTrailingSlashQueryOrUserInfo() {
        assertThat(RemoteSettings.parseEndpoint(" http://gpu:8000/v1/ ")).isEqualTo(URI.create("http://gpu:8000/v1"));
        assertThat(RemoteSettings.of("https://api.example.com/v1", null, null).host()).isEqualTo("api.example.com:443");
        assertThat(RemoteSettings.of("http://gpu/v1", null, null).resolve("models")).isEqualTo(URI.create("http://gpu/v1/models"));
        assertThatThrownBy(() -> RemoteSettings.parseEndpoint("ftp://gpu/v1")).hasMessageContaining("http://");
        assertThatThrownBy(() -> RemoteSettings.parseEndpoint("gpu:8000")).hasMessageContaining("http://");
        assertThatThrownBy(() -> RemoteSettings.parseEndpoint("http://user:secret@gpu/v1")).hasMessageContaining("user info");
        assertThatThrownBy(() -> RemoteSettings.parseEndpoint("http://gpu/v1?key=secret")).hasMessageContaining("query");
        assertThatThrownBy(() -> RemoteSettings.parseEndpoint(" ")).hasMessageContaining("no server URL");
    }

    @Test
    void theKeyBelongsToTheEndpointsSchemeHostAndPortOnly() {
        RemoteSettings s = RemoteSettings.of("http://gpu:8000/v1", null, "sk-secret");
        assertThat(s.sameOrigin(URI.create("http://gpu:8000/v1/chat/completions"))).isTrue();
        assertThat(s.sameOrigin(URI.create("http://GPU:8000/other"))).isTrue();
        assertThat(s.sameOrigin(URI.create("https://gpu:8000/v1/models"))).isFalse();
        assertThat(s.sameOrigin(URI.create("http://gpu:8001/v1/models"))).isFalse();
        assertThat(s.sameOrigin(URI.create("http://gpu.evil:8000/v1/models"))).isFalse();
        assertThat(RemoteSettings.of("http://gpu/v1", null, null).sameOrigin(URI.create("http://gpu:80/v1"))).isTrue();
    }

    @Test
    void theKeyIsNeverInTheSettingsText() {
        RemoteSettings s = RemoteSettings.of("http://gpu:8000/v1", "m", "sk-secret");
        assertThat(s.toString()).doesNotContain("sk-secret").contains("••••");
        assertThat(s.apiKey()).isEqualTo("sk-secret");
    }
}
