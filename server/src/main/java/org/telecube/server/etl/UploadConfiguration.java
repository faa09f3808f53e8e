package org.telecube.server.etl;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Multipart requests as {@code spring.servlet.multipart.*} configures them (limits from
 * {@code telecube.etl.max-upload-file} and {@code telecube.etl.max-upload}), except that the
 * parts are written to the upload spool in the data directory ({@link UploadSpool#parts()})
 * rather than the container's temporary directory under {@code /tmp}; a {@code location} that is
 * set is made absolute, since Tomcat would take a relative one as relative to its own temporary
 * directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MultipartProperties.class)
class UploadConfiguration {

  @Bean
  MultipartConfigElement multipartConfigElement(MultipartProperties properties, UploadSpool spool) throws IOException {
    Path location = StringUtils.hasText(properties.getLocation())
        ? Path.of(properties.getLocation()).toAbsolutePath().normalize() : spool.parts();
    UploadSpool.ownerOnly(location);
    return new MultipartConfigElement(location.toString(), properties.getMaxFileSize().toBytes(),
        properties.getMaxRequestSize().toBytes(), (int) properties.getFileSizeThreshold().toBytes());
  }
}
