package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server fetches feeds only from public addresses (unless configured otherwise): an administrator's URL, or a
 * publisher's redirect, must not make it read loopback services, the cloud's metadata address or the hospital's
 * internal hosts. Literal addresses only, so that no test depends on DNS.
 */
class FeedAddressesTests {

    final FeedAddresses addresses = new FeedAddresses(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8042/instances",
                "http://localhost/actuator",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/feed.xml",
                "http://172.16.0.9/feed.xml",
                "https://192.168.0.10/rss",
                "http://100.64.0.1/rss",
                "http://0.0.0.0/",
                "http://[::1]/",
                "http://[fd00::1]/feed",
                "http://[fe80::1]/feed",
                "file:///etc/passwd",
                "ftp://8.8.8.8/feed.xml"
            })
    void private_local_and_non_http_addresses_are_refused(String url) {
        assertThat(addresses.allowed(URI.create(url))).as(url).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/feed.xml", "http://[2001:4860:4860::8888]/rss", "http://1.1.1.1/"})
    void public_addresses_are_allowed(String url) {
        assertThat(addresses.allowed(URI.create(url))).as(url).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8042/", "http://10.1.2.3/feed.xml"})
    void a_hospital_may_allow_its_internal_feed_servers(String url) {
        assertThat(new FeedAddresses(true).allowed(URI.create(url))).isTrue();
    }
}
