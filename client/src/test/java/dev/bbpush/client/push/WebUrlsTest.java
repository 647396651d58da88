package dev.bbpush.client.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The Git and web URLs that belong to an API URL. */
class WebUrlsTest {
    @Test
    void bitbucketApiHostMapsToTheWebHost() {
        assertThat(Pusher.defaultGitUrl(URI.create("https://api.bitbucket.org/2.0"), "acme", "infra"))
                .isEqualTo(URI.create("https://bitbucket.org/acme/infra.git"));
        assertThat(WebUrls.commitUrl(URI.create("https://api.bitbucket.org/2.0"), "acme", "infra", "abc"))
                .isEqualTo("https://bitbucket.org/acme/infra/commits/abc");
    }

    @Test
    void loopbackEmulatorKeepsItsOrigin() {
        assertThat(Pusher.defaultGitUrl(URI.create("http://127.0.0.1:7990/2.0"), "acme", "infra"))
                .isEqualTo(URI.create("http://127.0.0.1:7990/acme/infra.git"));
    }

    @Test
    void otherHostsUseTheirOwnOrigin() {
        assertThat(Pusher.defaultGitUrl(URI.create("https://bb-proxy.example.com/bitbucket/2.0"), "acme", "infra"))
                .isEqualTo(URI.create("https://bb-proxy.example.com/acme/infra.git"));
    }

    @Test
    void gitUrlOverrideFollowsTheApiUrlRule() {
        PushRequest.Builder b = PushRequest.builder();
        assertThatThrownBy(() -> b.gitUrl(URI.create("http://git.acme.example/acme/infra.git")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gitUrl")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> b.gitUrl(URI.create("https://rahul:s3cret-pw@bitbucket.org/acme/infra.git")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user info")
                .hasMessageNotContaining("s3cret-pw");
        assertThatThrownBy(() -> b.gitUrl(URI.create("https://bitbucket.org/acme/infra.git?x=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        b.gitUrl(URI.create("http://127.0.0.1:7990/acme/infra.git"));
        b.gitUrl(URI.create("https://bitbucket.org/acme/infra.git"));
    }
}
