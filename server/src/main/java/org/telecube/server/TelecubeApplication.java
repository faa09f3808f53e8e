package org.telecube.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application behind {@code telecube serve} and {@code telecube demo}. */
@SpringBootApplication
public class TelecubeApplication {
}
