package org.cdss;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CDSS modular monolith: API and web UI in one jar. */
@SpringBootApplication
public class CdssApplication {

    public static void main(String[] args) {
        SpringApplication.run(CdssApplication.class, args);
    }
}
