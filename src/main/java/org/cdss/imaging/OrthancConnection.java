package org.cdss.imaging;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the Orthanc that CDSS talks to is: its REST base URL and credentials, and, for the local one that CDSS runs,
 * the folder of its worklist files. {@code baseUrl} is null when no Orthanc can be had (imaging answers 503).
 */
record OrthancConnection(
        @Nullable URI baseUrl,
        String user,
        String password,
        @Nullable Path worklistDir,
        String dicomAet,
        int dicomPort) {

    boolean available() {
        return baseUrl != null;
    }

    @Override
    public String toString() {
        return "OrthancConnection[" + baseUrl + ", aet=" + dicomAet + ", port=" + dicomPort + "]";
    }
}
