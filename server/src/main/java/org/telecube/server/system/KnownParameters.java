package org.telecube.server.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An API call with a query parameter its endpoint does not read is refused (400
 * {@code unknown_parameter} naming it) rather than silently ignored: a misspelt {@code locale} or
 * {@code month} would otherwise answer something the caller did not ask for.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {
  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
  private static final Map<Method, Optional<Set<String>>> KNOWN = new ConcurrentHashMap<>();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Optional<Set<String>> known = KNOWN.computeIfAbsent(method.getMethod(), m -> known(method));
    if (known.isEmpty()) {
      return true;
    }
    for (String name : request.getParameterMap().keySet()) {
      if (!known.get().contains(name)) {
        List<String> names = known.get().stream().sorted().toList();
        throw ApiException.badRequest(name, "unknown_parameter", "unknown parameter " + name
            + (names.isEmpty() ? ": this endpoint takes none" : ": one of " + names), name,
            names.isEmpty() ? "-" : String.join(", ", names));
      }
    }
    return true;
  }

  /** The query parameters {@code method} reads; empty when it takes any (a map of them). */
  private static Optional<Set<String>> known(HandlerMethod method) {
    Set<String> known = new HashSet<>();
    for (MethodParameter p : method.getMethodParameters()) {
      RequestParam param = p.getParameterAnnotation(RequestParam.class);
      if (param == null) {
        continue;
      }
      if (Map.class.isAssignableFrom(p.getParameterType())) {
        return Optional.empty();
      }
      MethodParameter named = new MethodParameter(p);
      named.initParameterNameDiscovery(NAMES);
      known.add(!param.name().isEmpty() ? param.name() : named.getParameterName());
    }
    return Optional.of(Set.copyOf(known));
  }
}
