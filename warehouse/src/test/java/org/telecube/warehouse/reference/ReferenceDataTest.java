package org.telecube.warehouse.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
  private static final Set<String> BUSINESS_LINES = Set.of("mobile", "broadband", "fixed", "vas");
  private static final Set<String> NETWORK_TYPES =
      Set.of("2g", "3g", "4g", "5g", "ftth", "adsl", "pstn");

  private final ReferenceData data = ReferenceData.shipped();

  @Test
  void has31ProvincesAndAllPrefectureCities() {
    List<Region> provinces = data.provinces();
    assertThat(provinces).hasSize(31);
    assertThat(provinces).allSatisfy(p -> {
      assertThat(p.code()).matches("\\d{2}0000");
      assertThat(p.parentCode()).isEmpty();
    });
    // no Hong Kong (81), Macau (82) or Taiwan (71)
    assertThat(provinces).extracting(Region::code).doesNotContain("710000", "810000", "820000");
    // 333 prefecture-level divisions + 4 municipality rows + 4 province-administered groups
    assertThat(data.cities()).hasSize(341);
    assertThat(data.regions()).hasSize(31 + 341);
  }

  @Test
  void codesAreSixDigitsAndUnique() {
    List<String> codes = data.regions().stream().map(Region::code).toList();
    assertThat(codes).allSatisfy(c -> assertThat(c).matches("\\d{6}"));
    assertThat(codes).doesNotHaveDuplicates();
  }

  @Test
  void everyCityHangsUnderAProvinceWithTheSamePrefixAndMacroRegion() {
    Map<String, Region> byCode = data.regionsByCode();
    assertThat(data.cities()).allSatisfy(c -> {
      Region parent = byCode.get(c.parentCode());
      assertThat(parent).as("parent of %s", c.code()).isNotNull();
      assertThat(parent.level()).isEqualTo(RegionLevel.PROVINCE);
      assertThat(c.code()).startsWith(parent.code().substring(0, 2)).doesNotEndWith("0000");
      assertThat(c.macroRegion()).as("macro region of %s", c.code())
          .isEqualTo(parent.macroRegion());
    });
    // every province has at least one city
    Set<String> parents = data.cities().stream().map(Region::parentCode).collect(Collectors.toSet());
    assertThat(parents).containsExactlyInAnyOrderElementsOf(
        data.provinces().stream().map(Region::code).toList());
  }

  @Test
  void regionsAreOrderedProvincesThenCitiesByCode() {
    List<Region> regions = data.regions();
    List<Region> expected = new java.util.ArrayList<>(data.provinces());
    expected.addAll(data.cities());
    assertThat(regions).containsExactlyElementsOf(expected);
    assertThat(data.provinces()).extracting(Region::code).isSorted();
    assertThat(data.cities()).extracting(Region::code).isSorted();
  }

  @Test
  void namesAreFilledAndClean() {
    assertThat(data.regions()).allSatisfy(r -> {
      assertThat(r.nameZh()).isNotBlank().doesNotContain(",", "市辖区");
      assertThat(r.nameZh()).isNotEqualTo("县");
      assertThat(r.nameEn()).isNotBlank().doesNotContain(",").matches("[\\x20-\\x7E]+")
          .doesNotEndWith(" Shi").doesNotEndWith(" Sheng");
    });
  }

  @Test
  void macroRegionsAreKnownAndMatchTheProvinceGrouping() {
    assertThat(data.regions()).allSatisfy(r ->
        assertThat(MacroRegion.of(r.macroRegion())).as("macro of %s", r.code()).isPresent());
    Map<String, String> macroByProvince = data.provinces().stream()
        .collect(Collectors.toMap(r -> r.code().substring(0, 2), Region::macroRegion));
    assertThat(macroByProvince).containsAllEntriesOf(Map.ofEntries(
        Map.entry("11", "north"), Map.entry("12", "north"), Map.entry("13", "north"),
        Map.entry("14", "north"), Map.entry("15", "north"),
        Map.entry("21", "northeast"), Map.entry("22", "northeast"), Map.entry("23", "northeast"),
        Map.entry("31", "east"), Map.entry("32", "east"), Map.entry("33", "east"),
        Map.entry("34", "east"), Map.entry("35", "east"), Map.entry("36", "east"),
        Map.entry("37", "east"),
        Map.entry("41", "central"), Map.entry("42", "central"), Map.entry("43", "central"),
        Map.entry("44", "south"), Map.entry("45", "south"), Map.entry("46", "south"),
        Map.entry("50", "southwest"), Map.entry("51", "southwest"), Map.entry("52", "southwest"),
        Map.entry("53", "southwest"), Map.entry("54", "southwest"),
        Map.entry("61", "northwest"), Map.entry("62", "northwest"), Map.entry("63", "northwest"),
        Map.entry("64", "northwest"), Map.entry("65", "northwest")));
    // every macro region is used
    assertThat(data.provinces()).extracting(Region::macroRegion)
        .containsAll(java.util.Arrays.stream(MacroRegion.values()).map(MacroRegion::code).toList());
  }

  @Test
  void municipalitiesHaveExactlyOneCityNamedAfterThemselves() {
    Map<String, Region> byCode = data.regionsByCode();
    Map<String, String> municipalities = Map.of(
        "110000", "110100", "120000", "120100", "310000", "310100", "500000", "500100");
    municipalities.forEach((province, city) -> {
      List<Region> cities = data.cities().stream()
          .filter(c -> c.parentCode().equals(province)).toList();
      assertThat(cities).as("cities of %s", province).hasSize(1);
      Region only = cities.get(0);
      assertThat(only.code()).isEqualTo(city);
      assertThat(only.nameZh()).isEqualTo(byCode.get(province).nameZh());
      assertThat(only.nameEn()).isEqualTo(byCode.get(province).nameEn());
    });
    assertThat(byCode.get("110100").nameZh()).isEqualTo("北京市");
    assertThat(byCode.get("110100").nameEn()).isEqualTo("Beijing");
    assertThat(byCode.get("500100").nameEn()).isEqualTo("Chongqing");
    assertThat(byCode).doesNotContainKey("500200");
  }

  @Test
  void provinceAdministeredCountyGroupsAreKeptWithAClearName() {
    Map<String, Region> byCode = data.regionsByCode();
    assertThat(byCode.get("429000").nameZh()).isEqualTo("湖北省直辖县级行政区划");
    assertThat(byCode.get("429000").nameEn()).isEqualTo("Hubei (county-level units under province)");
    assertThat(byCode.get("419000").parentCode()).isEqualTo("410000");
    assertThat(byCode.get("469000").parentCode()).isEqualTo("460000");
    assertThat(byCode.get("659000").nameZh()).startsWith("新疆");
  }

  @Test
  void wellKnownCitiesAndConventionalNames() {
    Map<String, Region> byCode = data.regionsByCode();
    Region guangzhou = byCode.get("440100");
    assertThat(guangzhou).isNotNull();
    assertThat(guangzhou.level()).isEqualTo(RegionLevel.CITY);
    assertThat(guangzhou.parentCode()).isEqualTo("440000");
    assertThat(guangzhou.nameZh()).isEqualTo("广州市");
    assertThat(guangzhou.nameEn()).isEqualTo("Guangzhou");
    assertThat(guangzhou.macroRegion()).isEqualTo(MacroRegion.SOUTH.code());

    Map<String, String> expectedEn = Map.ofEntries(
        Map.entry("150000", "Inner Mongolia"), Map.entry("450000", "Guangxi"),
        Map.entry("540000", "Tibet"), Map.entry("640000", "Ningxia"),
        Map.entry("650000", "Xinjiang"), Map.entry("610000", "Shaanxi"),
        Map.entry("140000", "Shanxi"), Map.entry("440000", "Guangdong"),
        Map.entry("610100", "Xi'an"), Map.entry("230100", "Harbin"),
        Map.entry("150100", "Hohhot"), Map.entry("650100", "Urumqi"),
        Map.entry("540100", "Lhasa"), Map.entry("440300", "Shenzhen"),
        Map.entry("320100", "Nanjing"), Map.entry("340300", "Bengbu"));
    expectedEn.forEach((code, en) ->
        assertThat(byCode.get(code)).as(code).extracting(Region::nameEn).isEqualTo(en));
  }

  @Test
  void orgUnitsAreUniqueAndFollowTheRegions() {
    List<OrgUnit> units = data.orgUnits();
    assertThat(units).extracting(OrgUnit::orgCode).doesNotHaveDuplicates();
    assertThat(units).hasSize(1 + 31 + 341);
    assertThat(units.get(0).orgCode()).isEqualTo(OrgUnit.HQ);

    List<OrgUnit> cityBranches = units.stream().filter(u -> u.level().equals("city")).toList();
    assertThat(cityBranches).hasSize(data.cities().size());
    assertThat(cityBranches).allSatisfy(u -> {
      assertThat(u.orgCode()).isEqualTo("C" + u.regionCode());
      assertThat(u.parentCode()).isEqualTo("P" + data.regionsByCode().get(u.regionCode()).parentCode());
    });
    assertThat(cityBranches).extracting(OrgUnit::regionCode)
        .containsExactlyElementsOf(data.cities().stream().map(Region::code).toList());

    Set<String> orgCodes = units.stream().map(OrgUnit::orgCode).collect(Collectors.toSet());
    assertThat(units).filteredOn(u -> u.level().equals("province")).hasSize(31)
        .allSatisfy(u -> assertThat(u.orgCode()).isEqualTo("P" + u.regionCode()));
    assertThat(units).allSatisfy(u -> {
      if (!u.orgCode().equals(OrgUnit.HQ)) {
        assertThat(orgCodes).contains(u.parentCode());
      }
    });
    assertThat(orgCodes).contains("C440100", "P440000", "C110100");
  }

  @Test
  void productsAreValidAndBelongToAFamily() {
    List<Product> products = data.products();
    assertThat(products).hasSizeBetween(20, 30);
    assertThat(products).extracting(Product::planCode).doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c).matches("[A-Z0-9]{2,10}"));
    Map<String, ProductFamily> families = data.productFamilies().stream()
        .collect(Collectors.toMap(ProductFamily::family, Function.identity()));
    assertThat(data.productFamilies()).extracting(ProductFamily::family).doesNotHaveDuplicates();

    assertThat(products).allSatisfy(p -> {
      assertThat(p.monthlyFee()).as("fee of %s", p.planCode()).isPositive();
      assertThat(p.monthlyFee().scale()).isEqualTo(2);
      assertThat(p.businessLine()).isIn(BUSINESS_LINES);
      assertThat(p.nameZh()).isNotBlank();
      assertThat(p.nameEn()).isNotBlank();
      ProductFamily family = families.get(p.family());
      assertThat(family).as("family row for %s", p.family()).isNotNull();
      assertThat(family.businessLine()).isEqualTo(p.businessLine());
      if (p.businessLine().equals("vas")) {
        assertThat(p.networkType()).isEmpty();
      } else {
        assertThat(p.networkType()).isIn(NETWORK_TYPES);
      }
    });
    // every family is used, every business line and network type is covered
    assertThat(families.keySet()).isEqualTo(
        products.stream().map(Product::family).collect(Collectors.toSet()));
    assertThat(products).extracting(Product::businessLine).containsAll(BUSINESS_LINES);
    assertThat(products).extracting(Product::networkType).containsAll(NETWORK_TYPES);
    assertThat(products).filteredOn(p -> p.planCode().equals("M5G129"))
        .singleElement().extracting(Product::monthlyFee).isEqualTo(new BigDecimal("129.00"));
  }

  @Test
  void chargeItemsAreTheBillingFeedList() {
    assertThat(data.chargeItems()).extracting(ChargeItem::code).containsExactly(
        "monthly_fee", "voice", "sms", "data", "vas", "roaming", "discount", "other");
  }
}
