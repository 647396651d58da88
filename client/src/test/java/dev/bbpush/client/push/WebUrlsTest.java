package dev.bbpush.client.push;

import static org.assertj.core.api.Assertions.assertThat;

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
}
