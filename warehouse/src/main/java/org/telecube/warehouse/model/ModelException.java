package org.telecube.warehouse.model;

/** The model file is wrong; {@code path} says where (e.g. {@code cubes.revenue.measures.arpu}). */
public final class ModelException extends RuntimeException {
  private final String path;

  public ModelException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
