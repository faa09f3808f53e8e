/**
 * Report schedules: what to send (a report for a month relative to the fire time, or a fixed
 * month), to whom (addresses, or an audience: a role at an org level, each recipient getting their
 * own region's report), and when (a Quartz cron expression in the schedule's own time zone),
 * checked when saved as its owner sees the reports, stored in the metadata store, and served at
 * {@code /api/schedules} to its owner (admins: everyone's).
 */
package org.telecube.server.schedule;
