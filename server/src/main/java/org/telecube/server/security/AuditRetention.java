package org.telecube.server.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link AuditLog#purge()} daily (Spring's own scheduler; Quartz is for deliveries, which survive restarts). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditRetention {
}
