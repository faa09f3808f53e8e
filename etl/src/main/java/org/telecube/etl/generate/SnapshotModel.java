package org.telecube.etl.generate;

import org.telecube.etl.generate.Codes.Channel;
import org.telecube.etl.generate.Codes.ChurnReason;
import org.telecube.etl.generate.Codes.ContractType;
import org.telecube.etl.generate.Codes.CustomerType;
import org.telecube.etl.generate.Codes.Gender;
import org.telecube.etl.generate.Codes.PaymentType;
import org.telecube.etl.generate.Codes.VipLevel;

/** The subscriber master as of the month's last day: one row per subscriber in the month. */
final class SnapshotModel {
  private static final CustomerType[] CUSTOMER_TYPES = CustomerType.values();
  private static final Gender[] GENDERS = Gender.values();
  private static final Channel[] CHANNELS = Channel.values();
  private static final PaymentType[] PAYMENTS = PaymentType.values();
  private static final VipLevel[] VIPS = VipLevel.values();
  private static final ContractType[] CONTRACTS = ContractType.values();
  private static final ChurnReason[] REASONS = ChurnReason.values();

  private final SubscriberTable t;
  private final PlanCatalog catalog;
  private final Geography geography;
  private final Formats formats;
  private final Msisdn msisdn;

  SnapshotModel(SubscriberTable table, PlanCatalog catalog, Geography geography, Formats formats,
                Msisdn msisdn) {
    this.t = table;
    this.catalog = catalog;
    this.geography = geography;
    this.formats = formats;
    this.msisdn = msisdn;
  }

  void write(SubscriberMonth x, FeedRows out) {
    int s = x.s;
    Geography.City city = geography.city(t.city[s]);
    out.write(
        formats.date(x.mo.lastDay()),
        x.id,
        Formats.id("CU", t.customer[s]),
        t.msisdnPrefix[s] < 0 ? "" : msisdn.of(s, t.msisdnPrefix[s]),
        CUSTOMER_TYPES[t.customerType[s]].code,
        t.gender[s] < 0 ? "" : GENDERS[t.gender[s]].code,
        t.birthYear[s] == 0 ? "" : Integer.toString(t.birthYear[s]),
        city.code(),
        city.orgCode(),
        CHANNELS[t.channel[s]].code,
        x.plan.code(),
        catalog.network(t.network[s]),
        PAYMENTS[t.payment[s]].code,
        VIPS[t.vip[s]].code,
        CONTRACTS[t.contract[s]].code,
        t.contractEnd[s] == 0 ? "" : formats.date(t.contractEnd[s]),
        formats.date(t.joinDate[s]),
        t.status(s).code,
        formats.date(t.statusDate[s]),
        t.churnReason[s] < 0 ? "" : REASONS[t.churnReason[s]].code,
        t.deposit[s] < 0 ? "" : Formats.amount(t.deposit[s]));
  }
}
