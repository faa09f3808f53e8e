-- Rebuilds the conformed dimensions from ref_* and the enumeration tables. Cheap (hundreds of
-- rows); run after reference data changes, inside the loading transaction.
DELETE FROM dim_region
;;
INSERT INTO dim_region
SELECT c.code, c.name_zh, c.name_en, p.code, p.name_zh, p.name_en,
       p.macro_region, m.name_zh, m.name_en, m.sort_order, 'CN', '中国', 'China'
FROM ref_region c
JOIN ref_region p ON p.code = c.parent_code AND p.level = 'province'
LEFT JOIN dim_macro_region m ON m.code = p.macro_region
WHERE c.level = 'city'
;;
DELETE FROM dim_org
;;
INSERT INTO dim_org
SELECT c.org_code, c.name_zh, c.name_en, c.org_code, c.name_zh, c.name_en,
       p.org_code, p.name_zh, p.name_en, h.org_code, h.name_zh, h.name_en
FROM ref_org_unit c
JOIN ref_org_unit p ON p.org_code = c.parent_code
JOIN ref_org_unit h ON h.org_code = p.parent_code
WHERE c.level = 'city'
UNION ALL
-- a province branch serving subscribers directly stands as its own city branch
SELECT p.org_code, p.name_zh, p.name_en, p.org_code, p.name_zh, p.name_en,
       p.org_code, p.name_zh, p.name_en, h.org_code, h.name_zh, h.name_en
FROM ref_org_unit p
JOIN ref_org_unit h ON h.org_code = p.parent_code
WHERE p.level = 'province'
UNION ALL
SELECT h.org_code, h.name_zh, h.name_en, h.org_code, h.name_zh, h.name_en,
       h.org_code, h.name_zh, h.name_en, h.org_code, h.name_zh, h.name_en
FROM ref_org_unit h
WHERE h.level = 'hq'
;;
DELETE FROM dim_product
;;
INSERT INTO dim_product
SELECT p.plan_code, p.name_zh, p.name_en, p.family,
       coalesce(f.name_zh, p.family), coalesce(f.name_en, p.family),
       p.business_line, coalesce(b.name_zh, p.business_line), coalesce(b.name_en, p.business_line),
       p.monthly_fee, p.network_type
FROM ref_product p
LEFT JOIN ref_product_family f ON f.family = p.family
LEFT JOIN dim_business_line b ON b.code = p.business_line
;;
DELETE FROM dim_charge_item
;;
INSERT INTO dim_charge_item
SELECT charge_item, name_zh, name_en, category, category_name_zh, category_name_en
FROM ref_charge_item
