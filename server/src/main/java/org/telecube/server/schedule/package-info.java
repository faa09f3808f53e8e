/**
 * Report schedules: what to send (a report for a month relative to the fire time, or a fixed
 * month), to whom, and when (a Quartz cron expression in the schedule's own time zone), checked when saved, stored in the metadata store, and served at {@code /api/schedules}.
 */
package org.telecube.server.schedule;
