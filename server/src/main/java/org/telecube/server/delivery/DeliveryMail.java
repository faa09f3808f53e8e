package org.telecube.server.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.telecube.reports.ReportFormat;
import org.telecube.reports.ReportService;
import org.telecube.reports.data.ReportSummary;
import org.telecube.server.schedule.Schedule;
import org.telecube.warehouse.model.Language;

/**
 * The email of one delivery: the subject from the schedule's template, an HTML body (with a plain
 * text alternative) that shows the report's headline figures, and the document attached. The
 * Message-ID comes from the idempotency key, so if a crash ever makes us send twice, mail systems
 * that deduplicate by Message-ID show one message.
 */
@Component
class DeliveryMail {
  private final JavaMailSender sender;
  private final DeliverySettings settings;

  DeliveryMail(JavaMailSender sender, DeliverySettings settings) {
    this.sender = sender;
    this.settings = settings;
  }

  /** A composed message and what the delivery record keeps of it. */
  record Composed(MimeMessage message, String subject, List<String> recipients, String messageId) {
  }

  Composed compose(Schedule schedule, Delivery delivery, ReportSummary summary, byte[] document, ReportFormat format,
                   YearMonth month) {
    return compose(schedule, delivery, summary, document, format, month, schedule.scope());
  }

  /** @param scopeKey the region the document holds, for its file name (a burst recipient's own) */
  Composed compose(Schedule schedule, Delivery delivery, ReportSummary summary, byte[] document, ReportFormat format,
                   YearMonth month, String scopeKey) {
    Language language = Language.parse(schedule.locale()).orElse(Language.ZH_CN);
    ResourceBundle bundle = ResourceBundle.getBundle("org.telecube.server.delivery.mail", language.locale(),
        ResourceBundle.Control.getNoFallbackControl(List.of("java.properties")));
    Object[] args = {summary.title(), summary.scope(), summary.month(), schedule.name()};
    String subject = subject(schedule.subject(), summary);
    String fileName = ReportService.fileName(schedule.reportId(), month, scopeKey, format);
    String messageId = messageId(delivery.idempotencyKey());
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      mail.setFrom(settings.from());
      // a burst delivery goes to its one recipient only, never to the others or a cc
      List<String> to = delivery.recipientUsername() == null ? schedule.to() : delivery.recipients();
      List<String> cc = delivery.recipientUsername() == null ? schedule.cc() : List.of();
      mail.setTo(to.toArray(String[]::new));
      if (!cc.isEmpty()) {
        mail.setCc(cc.toArray(String[]::new));
      }
      mail.setSubject(subject);
      mail.setText(text(bundle, args, summary, fileName), html(bundle, args, summary, fileName));
      mail.addAttachment(fileName, new ByteArrayResource(document), format.mediaType());
      message.setHeader("Message-ID", messageId);
      List<String> recipients = new ArrayList<>(to);
      recipients.addAll(cc);
      return new Composed(message, subject, recipients, messageId);
    } catch (MessagingException e) {
      throw new IllegalStateException("could not compose the mail of delivery " + delivery.id() + ": "
          + e.getMessage(), e);
    }
  }

  static String subject(String template, ReportSummary summary) {
    return template.replace("{report}", summary.title()).replace("{scope}", summary.scope())
        .replace("{month}", summary.month());
  }

  private String messageId(String key) {
    String domain = "telecube.local";
    try {
      String from = new InternetAddress(settings.from()).getAddress();
      domain = from.substring(from.indexOf('@') + 1);
    } catch (MessagingException | IndexOutOfBoundsException e) {
      // the sender address was checked at start-up by Spring's mail sender; keep the fallback domain
    }
    return "<" + key.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain + ">";
  }

  private static String html(ResourceBundle bundle, Object[] args, ReportSummary summary, String fileName) {
    StringBuilder h = new StringBuilder(2048);
    h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head>")
        .append("<body style=\"font-family:'Noto Sans SC','Microsoft YaHei','PingFang SC',Arial,sans-serif;")
        .append("color:#1f2933;font-size:14px;line-height:1.5\">")
        .append("<h2 style=\"color:#0b4f8a;margin:0 0 4px\">").append(esc(summary.title())).append("</h2>")
        .append("<div style=\"color:#52606d\">").append(esc(summary.scope())).append(" · ")
        .append(esc(summary.month())).append("</div>")
        .append("<p>").append(esc(format(bundle, "mail.intro", args))).append("</p>")
        .append("<table style=\"border-collapse:collapse;min-width:420px\">")
        .append("<tr><th colspan=\"3\" style=\"text-align:left;border-bottom:2px solid #0b4f8a;padding:4px 8px\">")
        .append(esc(bundle.getString("mail.headline"))).append("</th></tr>");
    for (ReportSummary.Figure f : summary.figures()) {
      h.append("<tr><td style=\"padding:4px 8px;border-bottom:1px solid #e4e7eb\">").append(esc(f.label()))
          .append("</td><td style=\"padding:4px 8px;border-bottom:1px solid #e4e7eb;text-align:right;font-weight:bold\">")
          .append(esc(f.value())).append("</td><td style=\"padding:4px 8px;border-bottom:1px solid #e4e7eb;color:#52606d\">")
          .append(esc(f.note())).append("</td></tr>");
    }
    h.append("</table>")
        .append("<p style=\"color:#52606d\">").append(esc(format(bundle, "mail.asof", summary.asOf()))).append("<br>")
        .append(esc(format(bundle, "mail.attachment", fileName))).append("</p>")
        .append("<p style=\"color:#9aa5b1;font-size:12px\">").append(esc(format(bundle, "mail.footer", args)))
        .append("</p></body></html>");
    return h.toString();
  }

  private static String text(ResourceBundle bundle, Object[] args, ReportSummary summary, String fileName) {
    StringBuilder t = new StringBuilder(1024);
    t.append(summary.title()).append('\n').append(summary.scope()).append(" · ").append(summary.month()).append("\n\n")
        .append(format(bundle, "mail.intro", args)).append("\n\n").append(bundle.getString("mail.headline")).append('\n');
    for (ReportSummary.Figure f : summary.figures()) {
      t.append("  ").append(f.label()).append(": ").append(f.value());
      if (!f.note().isEmpty()) {
        t.append("  (").append(f.note()).append(')');
      }
      t.append('\n');
    }
    t.append('\n').append(format(bundle, "mail.asof", summary.asOf())).append('\n')
        .append(format(bundle, "mail.attachment", fileName)).append("\n\n").append(format(bundle, "mail.footer", args))
        .append('\n');
    return t.toString();
  }

  private static String format(ResourceBundle bundle, String key, Object... args) {
    Object[] values = args.length == 1 && args[0] != null ? new Object[] {String.valueOf(args[0])} : args;
    return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(values);
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, StandardCharsets.UTF_8.name());
  }
}
