package org.telecube.warehouse.model;

import java.util.List;
import java.util.Optional;

/** The whole model: enumerations, conformed dimensions and cubes, in file order. */
public record CubeModel(List<Enumeration> enumerations, List<Dimension> dimensions,
                        List<Cube> cubes) {
  public CubeModel {
    enumerations = List.copyOf(enumerations);
    dimensions = List.copyOf(dimensions);
    cubes = List.copyOf(cubes);
  }

  public Optional<Cube> cube(String name) {
    return cubes.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<Dimension> dimension(String name) {
    return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public Optional<Enumeration> enumeration(String name) {
    return enumerations.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
