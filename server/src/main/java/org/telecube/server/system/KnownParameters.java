package org.telecube.server.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
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

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Set<String> known = new HashSet<>();
    for (MethodParameter p : method.getMethodParameters()) {
      RequestParam param = p.getParameterAnnotation(RequestParam.class);
      if (param == null) {
        continue;
      }
      if (Map.class.isAssignableFrom(p.getParameterType())) {
        return true; // reads whatever is sent
      }
      String name = !param.name().isEmpty() ? param.name() : p.getParameterName();
      known.add(name);
    }
    for (String name : request.getParameterMap().keySet()) {
      if (!known.contains(name)) {
        throw ApiException.badRequest(name, "unknown_parameter", "unknown parameter " + name
            + (known.isEmpty() ? ": this endpoint takes none" : ": one of " + known.stream().sorted().toList()), name,
            known.isEmpty() ? "-" : String.join(", ", known.stream().sorted().toList()));
      }
    }
    return true;
  }
}
