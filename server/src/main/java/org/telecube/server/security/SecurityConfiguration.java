package org.telecube.server.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what. Pages and {@code /api} need a login (a session from the login page, with a
 * CSRF token on every state-changing request) or a bearer token; each role reaches only its part
 * of the API; security headers on every answer; CORS closed unless origins are configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {
  static final String CSRF_COOKIE = "XSRF-TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, UserService users, SecurityProblems problems,
                                          CookieCsrfTokenRepository csrfTokens, SecurityContextRepository contexts,
                                          RateLimiter limiter,
                                          @Value("${telecube.security.cors.allowed-origins:}") String origins)
      throws Exception {
    RequestMatcher bearer = r -> {
      String a = r.getHeader(HttpHeaders.AUTHORIZATION);
      return a != null && ViewerFilter.isBearer(a);
    };
    // Only a session can be ridden cross-site: without one (and for the login itself) there is nothing
    // to protect, and an anonymous POST is answered 401 rather than a confusing 403 csrf.
    RequestMatcher needsCsrf = r -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(r) && !bearer.matches(r)
        && (r.getSession(false) != null || r.getRequestURI().equals(r.getContextPath() + "/api/session"));
    http
        .csrf(c -> c.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new HeaderOnlyCsrf())
            .requireCsrfProtectionMatcher(needsCsrf))
        .addFilterAfter(new CsrfCookie(), CsrfFilter.class)
        .addFilterAfter(new ViewerFilter(users, problems, limiter), CsrfCookie.class)
        // knows the caller (token, user or address) and comes before the role checks: refusals count too
        .addFilterAfter(RateLimitFilter.callers(limiter, problems), ViewerFilter.class)
        // login attempts per address, before the CSRF check and any user lookup (refused tokens: ViewerFilter)
        .addFilterBefore(RateLimitFilter.logins(limiter, problems), CsrfFilter.class)
        .securityContext(c -> c.securityContextRepository(contexts))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .cors(c -> c.configurationSource(cors(origins)))
        .headers(h -> h
            .contentSecurityPolicy(p -> p.policyDirectives(CSP))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .crossOriginOpenerPolicy(o -> o.policy(
                CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN)))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(a -> a.principal("anonymous"))
        .authorizeHttpRequests(a -> a
            // a query's answer and an error page are dispatched again inside the request already let through
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
            .requestMatchers("/login.html", "/js/**", "/css/**", "/webjars/**", "/favicon.ico").permitAll()
            .requestMatchers("/api/health", "/api/session").permitAll()
            .requestMatchers("/api/me", "/api/me/**", "/api/tokens", "/api/tokens/**", "/v3/**").authenticated()
            .requestMatchers("/api/users", "/api/users/**", "/api/audit", "/api/audit/**").hasRole("ADMIN")
            .requestMatchers("/api/etl/**", "/api/warehouse").hasAnyRole("ADMIN", "LOADER")
            // managers read members: the report, list and schedule pages pick regions and months from them
            .requestMatchers(HttpMethod.GET, "/api/cubes", "/api/cubes/*", "/api/cubes/*/members/**")
            .hasAnyRole("ADMIN", "ANALYST", "MANAGER")
            .requestMatchers("/api/cubes/**").hasAnyRole("ADMIN", "ANALYST")
            .requestMatchers("/api/reports", "/api/reports/**").hasAnyRole("ADMIN", "ANALYST", "MANAGER")
            .requestMatchers("/api/churn/**").hasAnyRole("ADMIN", "MANAGER")
            .requestMatchers("/api/schedules", "/api/schedules/**", "/api/deliveries", "/api/deliveries/**")
            .hasAnyRole("ADMIN", "ANALYST", "MANAGER")
            .requestMatchers("/api/**").hasRole("ADMIN")
            .anyRequest().authenticated());
    return http.build();
  }

  @Bean
  CookieCsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieName(CSRF_COOKIE);
    repository.setHeaderName(CSRF_HEADER);
    repository.setCookiePath("/");
    repository.setCookieCustomizer(c -> c.sameSite("Lax"));
    return repository;
  }

  @Bean
  SecurityContextRepository securityContexts() {
    return new HttpSessionSecurityContextRepository();
  }

  /** Closed unless {@code telecube.security.cors.allowed-origins} names origins (comma-separated). */
  static CorsConfigurationSource cors(String origins) {
    List<String> allowed = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (allowed.isEmpty()) {
      return request -> null;
    }
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(allowed);
    config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
    config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT_LANGUAGE));
    config.setAllowCredentials(false); // bearer tokens only: a session cookie never crosses origins
    return request -> config;
  }

  /** Boot's own user store (and its generated password) would otherwise be configured. */
  @Bean
  UserDetailsService noUserDetails() {
    return username -> {
      throw new UsernameNotFoundException("users log in through /api/session");
    };
  }

  /**
   * The CSRF token comes from the {@code X-XSRF-TOKEN} header only: reading a {@code _csrf}
   * parameter would parse (and spool) a multipart body before the request is known to be allowed.
   */
  static final class HeaderOnlyCsrf extends CsrfTokenRequestAttributeHandler {
    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
      return request.getHeader(token.getHeaderName());
    }
  }

  /** Sets the CSRF cookie on every answer, so a page has the token before its first POST. */
  static final class CsrfCookie extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken(); // loads the deferred token, which writes the cookie when it is new
      }
      chain.doFilter(request, response);
    }
  }
}
