package org.telecube.server.delivery;

/** Why a delivery was made: its cron time, its cron time caught up after downtime, or "send now". */
public enum TriggerKind {
  SCHEDULED, CATCH_UP, MANUAL
}
