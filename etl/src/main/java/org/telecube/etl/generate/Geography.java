package org.telecube.etl.generate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.telecube.warehouse.reference.OrgUnit;
import org.telecube.warehouse.reference.ReferenceData;
import org.telecube.warehouse.reference.Region;

/**
 * Where subscribers live: the reference data's prefecture cities, weighted by their province's
 * population (2020 census) and, within a province, favouring the capital. Works for whatever
 * cities the reference data holds, so the shipped catalogue can grow without code changes.
 */
final class Geography {
  static final String POPULATION_RESOURCE = "/org/telecube/etl/generate/province_population.csv";
  /** Weight (millions of people) of a province missing from the census table. */
  static final double DEFAULT_PROVINCE_MILLIONS = 5.0;

  /** A city and its city branch ({@code C} + city code). */
  record City(String code, String orgCode) {
  }

  private final List<City> cities;
  private final double[] cumulative;

  private Geography(List<City> cities, double[] weights) {
    this.cities = List.copyOf(cities);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  static Geography of(ReferenceData reference) {
    Map<String, Double> population = provincePopulation();
    // Group cities by province, in code order: the first city of a province is its capital.
    Map<String, List<Region>> byProvince = new TreeMap<>();
    for (Region city : reference.cities()) {
      byProvince.computeIfAbsent(city.parentCode(), k -> new ArrayList<>()).add(city);
    }
    if (byProvince.isEmpty()) {
      throw new IllegalStateException("the reference data has no cities to place subscribers in");
    }
    List<City> cities = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Map.Entry<String, List<Region>> e : byProvince.entrySet()) {
      List<Region> provinceCities = new ArrayList<>(e.getValue());
      provinceCities.sort(Comparator.comparing(Region::code));
      double provinceWeight = population.getOrDefault(e.getKey(), DEFAULT_PROVINCE_MILLIONS);
      int n = provinceCities.size();
      double[] shares = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        // The capital gets a quarter or more of the province; the others vary by +-40%, keyed
        // on their code so the split is stable from run to run.
        shares[i] = i == 0 ? Math.max(2.0, n / 3.0) : 0.6 + 0.8 * codeJitter(provinceCities.get(i).code());
        total += shares[i];
      }
      for (int i = 0; i < n; i++) {
        String code = provinceCities.get(i).code();
        cities.add(new City(code, OrgUnit.cityBranchCode(code)));
        weights.add(provinceWeight * shares[i] / total);
      }
    }
    return new Geography(cities, weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  int size() {
    return cities.size();
  }

  City city(int index) {
    return cities.get(index);
  }

  int pick(SplittableRandom rng) {
    double u = rng.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static double codeJitter(String code) {
    return (Seeds.mix(code.hashCode()) >>> 11) * 0x1.0p-53;
  }

  static Map<String, Double> provincePopulation() {
    try (InputStream in = Geography.class.getResourceAsStream(POPULATION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing from the build: " + POPULATION_RESOURCE);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
           CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
        Map<String, Double> out = new HashMap<>();
        for (NamedCsvRecord r : csv) {
          out.put(r.getField("province_code"), Double.parseDouble(r.getField("population_million")));
        }
        return out;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POPULATION_RESOURCE, e);
    }
  }
}
