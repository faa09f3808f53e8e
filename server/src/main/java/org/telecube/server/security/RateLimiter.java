package org.telecube.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests per minute per caller, as token buckets (Bucket4j): a caller may burst up to the
 * minute's allowance, which then refills evenly over the minute. Each API token, each session
 * user and each anonymous client address has a bucket of its own, and login attempts a stricter
 * one per client address. Buckets live in this server's memory only (a cluster's members count
 * apart), in a bounded cache: an idle bucket is full again after a minute, so forgetting it then
 * changes nothing.
 */
@Component
class RateLimiter {
  /** Whose allowance a request counts against. */
  enum Kind {
    TOKEN, USER, ANONYMOUS, LOGIN
  }

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final boolean enabled;
  private final long perMinute;
  private final long loginPerMinute;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(MINUTE.multipliedBy(2))
      .maximumSize(100_000).build();

  RateLimiter(@Value("${telecube.security.rate-limit.enabled:true}") boolean enabled,
              @Value("${telecube.security.rate-limit.per-minute:600}") long perMinute,
              @Value("${telecube.security.rate-limit.login-per-minute:20}") long loginPerMinute) {
    if (perMinute < 1 || loginPerMinute < 1) {
      throw new IllegalArgumentException("telecube.security.rate-limit.per-minute and .login-per-minute must be "
          + "at least 1 (set telecube.security.rate-limit.enabled=false for no limit)");
    }
    this.enabled = enabled;
    this.perMinute = perMinute;
    this.loginPerMinute = loginPerMinute;
  }

  boolean enabled() {
    return enabled;
  }

  /**
   * Takes one request from the bucket of {@code kind} and {@code key}.
   *
   * @return empty when the request may go on, else the whole seconds until it would be let through
   */
  OptionalLong take(Kind kind, String key) {
    if (!enabled) {
      return OptionalLong.empty();
    }
    long limit = kind == Kind.LOGIN ? loginPerMinute : perMinute;
    Bucket bucket = buckets.get(kind.name() + ":" + key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, MINUTE).build()).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
  }

  /** Whole seconds, rounded up, at least one: what Retry-After says. */
  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
