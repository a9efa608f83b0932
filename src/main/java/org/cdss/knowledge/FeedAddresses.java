package org.cdss.knowledge;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the server may fetch a feed from: http(s) to a host whose every address is public. A feed URL is typed by
 * an administrator and a feed's redirects are chosen by its publisher, and the fetch runs inside the hospital's
 * network: without this, either could make the server read loopback services (Orthanc, the actuator), the cloud's
 * metadata address (169.254.169.254) or the hospital's internal hosts, and show what came back as feed items to all
 * staff. Checked when a feed is added, and again before every request and every redirect it follows (a name may
 * resolve elsewhere later). {@code cdss.knowledge.feeds.allow-private-hosts} lets the tests (whose stub publisher
 * listens on 127.0.0.1) and a hospital with an internal feed server opt out.
 */
@Component
class FeedAddresses {

    private final boolean allowPrivate;

    FeedAddresses(@Value("${cdss.knowledge.feeds.allow-private-hosts:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Whether the server may fetch this URL (scheme, host, and where the host resolves to now). */
    boolean allowed(URI uri) {
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            return false;
        }
        if (allowPrivate) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return true; // nothing to connect to: the fetch fails as UNREACHABLE
        }
    }

    /** Not loopback, link-local (169.254/16, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7) or local. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // unique local addresses, fc00::/7
        }
        return !((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64); // shared address space 100.64/10
    }
}
