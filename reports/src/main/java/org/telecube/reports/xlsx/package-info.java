/**
 * A report as a manager's spreadsheet: its data (not its pages) as plain tables, one sheet per
 * table with one header row, numbers as numeric cells with number formats, frozen header, no page
 * furniture. What {@code format=xlsx} returns; PDF and HTML stay with the Jasper templates.
 */
package org.telecube.reports.xlsx;
