package org.telecube.warehouse.reference;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference data shipped inside the product (classpath CSVs in the same shape as the
 * reference feeds). Org units are derived: HQ, one province branch per province, one city branch
 * per city.
 */
public final class ReferenceData {
  private static final String BASE = "/org/telecube/warehouse/reference/";

  private final List<Region> regions;
  private final List<OrgUnit> orgUnits;
  private final List<Product> products;
  private final List<ProductFamily> productFamilies;
  private final List<ChargeItem> chargeItems;

  private ReferenceData(List<Region> regions, List<Product> products,
                        List<ProductFamily> productFamilies, List<ChargeItem> chargeItems) {
    this.regions = List.copyOf(regions);
    this.orgUnits = List.copyOf(deriveOrgUnits(regions));
    this.products = List.copyOf(products);
    this.productFamilies = List.copyOf(productFamilies);
    this.chargeItems = List.copyOf(chargeItems);
  }

  private static final class Holder {
    static final ReferenceData SHIPPED = new ReferenceData(
        read("regions.csv", r -> new Region(r.getField("code"), RegionLevel.of(r.getField("level")),
            r.getField("parent_code"), r.getField("name_zh"), r.getField("name_en"),
            r.getField("macro_region"))),
        read("products.csv", r -> new Product(r.getField("plan_code"), r.getField("name_zh"),
            r.getField("name_en"), r.getField("family"), r.getField("business_line"),
            new BigDecimal(r.getField("monthly_fee")), r.getField("network_type"))),
        read("product_families.csv", r -> new ProductFamily(r.getField("family"),
            r.getField("business_line"), r.getField("name_zh"), r.getField("name_en"))),
        read("charge_items.csv", r -> new ChargeItem(r.getField("charge_item"),
            r.getField("name_zh"), r.getField("name_en"), r.getField("category"),
            r.getField("category_name_zh"), r.getField("category_name_en"))));
  }

  /** The reference data shipped with this build (parsed once). */
  public static ReferenceData shipped() {
    return Holder.SHIPPED;
  }

  public List<Region> regions() {
    return regions;
  }

  public List<Region> provinces() {
    return regions.stream().filter(r -> r.level() == RegionLevel.PROVINCE).toList();
  }

  public List<Region> cities() {
    return regions.stream().filter(r -> r.level() == RegionLevel.CITY).toList();
  }

  public Map<String, Region> regionsByCode() {
    return regions.stream().collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
  }

  public List<OrgUnit> orgUnits() {
    return orgUnits;
  }

  public List<Product> products() {
    return products;
  }

  public List<ProductFamily> productFamilies() {
    return productFamilies;
  }

  public List<ChargeItem> chargeItems() {
    return chargeItems;
  }

  private static List<OrgUnit> deriveOrgUnits(List<Region> regions) {
    List<OrgUnit> units = new ArrayList<>();
    units.add(new OrgUnit(OrgUnit.HQ, "hq", "", "总公司", "Headquarters", ""));
    for (Region r : regions) {
      if (r.level() == RegionLevel.PROVINCE) {
        units.add(new OrgUnit(OrgUnit.provinceBranchCode(r.code()), "province", OrgUnit.HQ,
            r.nameZh() + "分公司", r.nameEn() + " Branch", r.code()));
      }
    }
    for (Region r : regions) {
      if (r.level() == RegionLevel.CITY) {
        units.add(new OrgUnit(OrgUnit.cityBranchCode(r.code()), "city",
            OrgUnit.provinceBranchCode(r.parentCode()), r.nameZh() + "分公司",
            r.nameEn() + " Branch", r.code()));
      }
    }
    return units;
  }

  private static <T> List<T> read(String file, Function<NamedCsvRecord, T> mapper) {
    try (InputStream in = ReferenceData.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("reference file missing from the build: " + BASE + file);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
           CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
        List<T> out = new ArrayList<>();
        for (NamedCsvRecord r : csv) {
          out.add(mapper.apply(r));
        }
        return out;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference file " + file, e);
    }
  }
}
