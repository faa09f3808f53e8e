package org.telecube.server.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real SMTP server in this JVM (GreenMail) on a port chosen before it starts, so a server under
 * test can be pointed at it while it is still down; and the parts of the messages it received.
 */
final class MailBox implements AutoCloseable {
  final int port;
  private GreenMail smtp;

  MailBox() {
    this.port = freePort();
  }

  MailBox up() {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return this;
  }

  List<MimeMessage> received() {
    return smtp == null ? List.of() : List.of(smtp.getReceivedMessages());
  }

  @Override
  public void close() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The attachments of a message by file name. */
  static Map<String, byte[]> attachments(Part part) throws Exception {
    Map<String, byte[]> found = new TreeMap<>();
    walk(part, found, new ArrayList<>());
    return found;
  }

  /** The HTML bodies of a message. */
  static String html(Part part) throws Exception {
    List<String> html = new ArrayList<>();
    walk(part, new TreeMap<>(), html);
    return String.join("\n", html);
  }

  private static void walk(Part part, Map<String, byte[]> attachments, List<String> html) throws Exception {
    if (part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart child = multi.getBodyPart(i);
        walk(child, attachments, html);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      attachments.put(part.getFileName(), part.getInputStream().readAllBytes());
    } else if (part.isMimeType("text/html")) {
      html.add((String) part.getContent());
    }
  }
}
