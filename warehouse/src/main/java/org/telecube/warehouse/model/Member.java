package org.telecube.warehouse.model;

/** One row of an enumeration: a code and its captions. */
public record Member(String code, Caption caption) {
}
