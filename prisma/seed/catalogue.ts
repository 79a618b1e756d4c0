/**
 * The indicator catalogue: data elements (raw counts) and indicators (ratios of
 * two elements), with their stable codes. Imports, exports and the API name
 * them by these codes; never rename one.
 */
import type { AggregationType, ElementSource, UnitLevel } from "../../lib/generated/prisma/enums";

export interface DataElementSeed {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  aggregation: AggregationType;
  collectionLevel: UnitLevel;
  /** FORM when typed (the default); ACTIVITIES when the database adds it up from the teams' activity records. */
  source?: ElementSource;
}

const stock = (code: string, name: string, nameEn: string, description: string): DataElementSeed => ({
  code,
  name,
  nameEn,
  description,
  aggregation: "STOCK",
  collectionLevel: "RESIDENTIAL_GROUP",
});

function fromActivities(code: string, name: string, nameEn: string, description: string): DataElementSeed {
  return { code, name, nameEn, description, aggregation: "FLOW", collectionLevel: "RESIDENTIAL_GROUP", source: "ACTIVITIES" };
}

export const DATA_ELEMENTS: DataElementSeed[] = [
  stock("ADULTS", "Người trưởng thành", "Adults", "Số người từ 15 tuổi trở lên đang sinh sống trên địa bàn, tính đến cuối tháng."),
  stock("ADULTS_DIGITAL_SIGNATURE", "Người trưởng thành có chữ ký số cá nhân", "Adults with a personal digital signature", "Không vượt quá số người trưởng thành."),
  stock("ADULTS_VNEID_L2", "Người trưởng thành đã kích hoạt VNeID mức 2", "Adults with VNeID level 2 activated", "Tài khoản định danh điện tử mức 2 đã kích hoạt."),
  stock("ADULTS_SMARTPHONE", "Người trưởng thành có điện thoại thông minh", "Adults with a smartphone", ""),
  stock("ADULTS_CASHLESS", "Người trưởng thành thanh toán không dùng tiền mặt", "Adults using cashless payment", "Có giao dịch qua tài khoản, ví điện tử hoặc QR trong tháng."),
  stock("ADULTS_ONLINE_PUBLIC_SERVICE", "Người trưởng thành sử dụng dịch vụ công trực tuyến", "Adults using online public services", ""),
  stock("ADULTS_BANK_ACCOUNT", "Người trưởng thành có tài khoản thanh toán", "Adults with a bank or payment account", "Tài khoản ngân hàng hoặc ví điện tử."),
  stock("PEOPLE", "Dân số", "Population", "Toàn bộ nhân khẩu trên địa bàn, tính đến cuối tháng."),
  stock("PEOPLE_EHEALTH", "Người dân có sổ sức khỏe điện tử", "People with an electronic health book", ""),
  stock("HOUSEHOLDS", "Hộ gia đình", "Households", ""),
  stock("HOUSEHOLDS_FIBRE", "Hộ gia đình có cáp quang băng rộng", "Households with fibre broadband", ""),
  stock("MERCHANTS", "Hộ kinh doanh, tiểu thương", "Merchants", ""),
  stock("MERCHANTS_QR", "Hộ kinh doanh nhận thanh toán QR", "Merchants accepting QR payment", "Không vượt quá số hộ kinh doanh."),
  {
    code: "DOSSIERS_TOTAL",
    name: "Hồ sơ thủ tục hành chính tiếp nhận",
    nameEn: "Administrative dossiers received",
    description: "Do bộ phận một cửa của phường/xã tiếp nhận trong tháng.",
    aggregation: "FLOW",
    collectionLevel: "WARD",
  },
  {
    code: "DOSSIERS_ONLINE",
    name: "Hồ sơ nộp trực tuyến",
    nameEn: "Dossiers filed online",
    description: "Không vượt quá tổng số hồ sơ tiếp nhận.",
    aggregation: "FLOW",
    collectionLevel: "WARD",
  },
  {
    code: "RESIDENTS_HELPED",
    name: "Lượt người dân được tổ hỗ trợ",
    nameEn: "Residents helped by the team",
    description: "Số lượt hướng dẫn, hỗ trợ người dân trong tháng.",
    aggregation: "FLOW",
    collectionLevel: "RESIDENTIAL_GROUP",
  },
  {
    code: "TRAINING_SESSIONS",
    name: "Buổi tập huấn, hướng dẫn",
    nameEn: "Training sessions",
    description: "Số buổi tập huấn hoặc hướng dẫn cộng đồng tổ chức trong tháng.",
    aggregation: "FLOW",
    collectionLevel: "RESIDENTIAL_GROUP",
  },
  // Never typed: each activity record is one figure of each (see the activity_figures migration).
  fromActivities("ACTIVITIES", "Hoạt động của tổ", "Team activities", "Số lần tổ ghi hoạt động trong tháng (đi từng nhà, ngày cao điểm, trực một cửa, tập huấn, họp dân…)."),
  fromActivities("HELPED_VNEID", "Lượt hỗ trợ kích hoạt VNeID", "Residents helped with VNeID", "Từ nhật ký hoạt động của tổ."),
  fromActivities("HELPED_SIGNATURE", "Lượt hỗ trợ chữ ký số cá nhân", "Residents helped with a digital signature", "Từ nhật ký hoạt động của tổ."),
  fromActivities("HELPED_ONLINE_FILING", "Lượt hướng dẫn nộp hồ sơ trực tuyến", "Residents helped to file online", "Từ nhật ký hoạt động của tổ."),
  fromActivities("HELPED_CASHLESS", "Lượt hỗ trợ ứng dụng thanh toán không dùng tiền mặt", "Residents helped with a cashless-payment app", "Từ nhật ký hoạt động của tổ."),
  fromActivities("HELPED_BANK_ACCOUNT", "Lượt hỗ trợ mở tài khoản ngân hàng, ví điện tử", "Residents helped with a bank or e-wallet account", "Từ nhật ký hoạt động của tổ."),
  fromActivities("HELPED_HEALTH_BOOK", "Lượt hỗ trợ sổ sức khỏe điện tử", "Residents helped with an electronic health book", "Từ nhật ký hoạt động của tổ."),
  fromActivities("HELPED_OTHER", "Lượt hỗ trợ khác", "Residents helped with other services", "Từ nhật ký hoạt động của tổ."),
  fromActivities("PROCEDURES_SUPPORTED", "Thủ tục hành chính được hỗ trợ", "Procedures supported", "Từ nhật ký hoạt động của tổ."),
  fromActivities("APPS_INSTALLED", "Ứng dụng được cài đặt", "Apps installed", "Từ nhật ký hoạt động của tổ."),
  fromActivities("TRAINING_ATTENDEES", "Lượt người dự tập huấn", "Training attendees", "Từ các buổi tập huấn trong nhật ký hoạt động của tổ."),
];

export interface IndicatorSeed {
  code: string;
  name: string;
  nameEn: string;
  numerator: string;
  denominator: string;
}

export const INDICATORS: IndicatorSeed[] = [
  { code: "DIGITAL_SIGNATURE_RATE", name: "Tỷ lệ người trưởng thành có chữ ký số cá nhân", nameEn: "Adults with a personal digital signature", numerator: "ADULTS_DIGITAL_SIGNATURE", denominator: "ADULTS" },
  { code: "ONLINE_SERVICE_USER_RATE", name: "Tỷ lệ người trưởng thành sử dụng dịch vụ công trực tuyến", nameEn: "Adults using online public services", numerator: "ADULTS_ONLINE_PUBLIC_SERVICE", denominator: "ADULTS" },
  { code: "ONLINE_DOSSIER_RATE", name: "Tỷ lệ hồ sơ trực tuyến", nameEn: "Online dossier rate", numerator: "DOSSIERS_ONLINE", denominator: "DOSSIERS_TOTAL" },
  { code: "VNEID_RATE", name: "Tỷ lệ kích hoạt VNeID mức 2", nameEn: "VNeID level-2 activation", numerator: "ADULTS_VNEID_L2", denominator: "ADULTS" },
  { code: "SMARTPHONE_RATE", name: "Tỷ lệ người trưởng thành có điện thoại thông minh", nameEn: "Adults with a smartphone", numerator: "ADULTS_SMARTPHONE", denominator: "ADULTS" },
  { code: "CASHLESS_RATE", name: "Tỷ lệ thanh toán không dùng tiền mặt", nameEn: "Adults using cashless payment", numerator: "ADULTS_CASHLESS", denominator: "ADULTS" },
  { code: "BANK_ACCOUNT_RATE", name: "Tỷ lệ có tài khoản thanh toán", nameEn: "Adults with a bank or payment account", numerator: "ADULTS_BANK_ACCOUNT", denominator: "ADULTS" },
  { code: "EHEALTH_RATE", name: "Tỷ lệ người dân có sổ sức khỏe điện tử", nameEn: "People with an electronic health book", numerator: "PEOPLE_EHEALTH", denominator: "PEOPLE" },
  { code: "FIBRE_RATE", name: "Tỷ lệ hộ gia đình có cáp quang", nameEn: "Households with fibre broadband", numerator: "HOUSEHOLDS_FIBRE", denominator: "HOUSEHOLDS" },
  { code: "MERCHANT_QR_RATE", name: "Tỷ lệ hộ kinh doanh thanh toán QR", nameEn: "Merchants accepting QR payment", numerator: "MERCHANTS_QR", denominator: "MERCHANTS" },
];

export interface TargetSeed {
  indicator: string;
  /** Unit code; null for the national target. */
  unitCode: string | null;
  value: number;
  reason: string;
  source: string;
}

const DECISION_411 = "Quyết định 411/QĐ-TTg ngày 31/3/2022 (mục tiêu đến năm 2025)";

/** National targets of Decision 411/QĐ-TTg, and the local overrides the sources mention. */
export const TARGETS: TargetSeed[] = [
  { indicator: "DIGITAL_SIGNATURE_RATE", unitCode: null, value: 0.5, reason: "Trên 50% dân số trưởng thành có chữ ký số cá nhân", source: DECISION_411 },
  { indicator: "ONLINE_SERVICE_USER_RATE", unitCode: null, value: 0.5, reason: "Trên 50% người trưởng thành sử dụng dịch vụ công trực tuyến", source: DECISION_411 },
  { indicator: "SMARTPHONE_RATE", unitCode: null, value: 0.8, reason: "80% dân số trưởng thành sử dụng điện thoại thông minh", source: DECISION_411 },
  { indicator: "BANK_ACCOUNT_RATE", unitCode: null, value: 0.8, reason: "80% người từ 15 tuổi trở lên có tài khoản giao dịch", source: DECISION_411 },
  { indicator: "FIBRE_RATE", unitCode: null, value: 0.8, reason: "80% hộ gia đình có cáp quang băng rộng", source: DECISION_411 },
  { indicator: "EHEALTH_RATE", unitCode: null, value: 0.9, reason: "90% người dân có hồ sơ sức khỏe điện tử", source: DECISION_411 },
  {
    indicator: "DIGITAL_SIGNATURE_RATE",
    unitCode: "48",
    value: 0.4,
    reason: "Chỉ tiêu của thành phố cho khu dân cư; cơ sở phản ánh mức 40% vẫn còn cao so với thực tế",
    source: "UBND thành phố Đà Nẵng",
  },
];
