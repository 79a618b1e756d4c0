/**
 * The demo map, grounded in the source articles (shared/DOMAIN.md): Hải Châu
 * with its 13 real wards and 517 teams after the 2023 merger, Hòa Thuận Tây's 53
 * residential groups, Đông Anh and Thanh Oai (the Cự Khê pilot team of 16) in
 * Hà Nội, commune- and village-level teams in Sơn La, and Hải Dương with an
 * online dossier rate near 53.51%. Codes follow the GSO numbering where known;
 * residential group codes are the ward's code with a suffix.
 */
import { addMonths, periodOfDate } from "../../lib/periods";

/** How far a place has come: each rate moves from `start` to `end` over the demo months. */
export interface Profile {
  rates: Record<RateKey, readonly [start: number, end: number]>;
  dossierOnline: readonly [start: number, end: number];
  urban: boolean;
}

export type RateKey =
  | "ADULTS_DIGITAL_SIGNATURE"
  | "ADULTS_VNEID_L2"
  | "ADULTS_SMARTPHONE"
  | "ADULTS_CASHLESS"
  | "ADULTS_ONLINE_PUBLIC_SERVICE"
  | "ADULTS_BANK_ACCOUNT"
  | "PEOPLE_EHEALTH"
  | "HOUSEHOLDS_FIBRE"
  | "MERCHANTS_QR";

export interface WardSeed {
  code: string;
  name: string;
  kind: "Phường" | "Xã" | "Thị trấn";
  groupKind: "Tổ dân phố" | "Thôn" | "Bản" | "Tiểu khu";
  /** Number of residential groups, each with one team; or explicit names. */
  groups: number | string[];
  membersPerTeam: readonly [min: number, max: number];
  /** When the sources give the ward's member count, the team sizes add up to it. */
  totalMembers?: number;
  /** A commune-level team (Sơn La, the Cự Khê pilot) with this many members. */
  communeTeamMembers?: number;
  communeTeamName?: string;
}

export interface DistrictSeed {
  code: string;
  name: string;
  kind: "Quận" | "Huyện" | "Thị xã" | "Thành phố";
  foundingDecision: string;
  foundedOn: string;
  wards: WardSeed[];
}

export interface ProvinceSeed {
  code: string;
  name: string;
  kind: "Tỉnh" | "Thành phố";
  profile: Profile;
  districts: DistrictSeed[];
}

const urbanDaNang: Profile = {
  urban: true,
  rates: {
    ADULTS_DIGITAL_SIGNATURE: [0.2, 0.41],
    ADULTS_VNEID_L2: [0.58, 0.84],
    ADULTS_SMARTPHONE: [0.8, 0.9],
    ADULTS_CASHLESS: [0.46, 0.68],
    ADULTS_ONLINE_PUBLIC_SERVICE: [0.34, 0.56],
    ADULTS_BANK_ACCOUNT: [0.74, 0.87],
    PEOPLE_EHEALTH: [0.42, 0.78],
    HOUSEHOLDS_FIBRE: [0.72, 0.86],
    MERCHANTS_QR: [0.58, 0.88],
  },
  dossierOnline: [0.5, 0.72],
};

const periUrbanHaNoi: Profile = {
  urban: false,
  rates: {
    ADULTS_DIGITAL_SIGNATURE: [0.15, 0.33],
    ADULTS_VNEID_L2: [0.52, 0.79],
    ADULTS_SMARTPHONE: [0.72, 0.85],
    ADULTS_CASHLESS: [0.38, 0.6],
    ADULTS_ONLINE_PUBLIC_SERVICE: [0.28, 0.5],
    ADULTS_BANK_ACCOUNT: [0.66, 0.8],
    PEOPLE_EHEALTH: [0.36, 0.7],
    HOUSEHOLDS_FIBRE: [0.65, 0.8],
    MERCHANTS_QR: [0.5, 0.82],
  },
  dossierOnline: [0.42, 0.66],
};

const mountainSonLa: Profile = {
  urban: false,
  rates: {
    ADULTS_DIGITAL_SIGNATURE: [0.06, 0.19],
    ADULTS_VNEID_L2: [0.38, 0.66],
    ADULTS_SMARTPHONE: [0.55, 0.7],
    ADULTS_CASHLESS: [0.18, 0.37],
    ADULTS_ONLINE_PUBLIC_SERVICE: [0.14, 0.3],
    ADULTS_BANK_ACCOUNT: [0.45, 0.62],
    PEOPLE_EHEALTH: [0.25, 0.55],
    HOUSEHOLDS_FIBRE: [0.4, 0.58],
    MERCHANTS_QR: [0.3, 0.6],
  },
  dossierOnline: [0.24, 0.45],
};

const deltaHaiDuong: Profile = {
  urban: false,
  rates: {
    ADULTS_DIGITAL_SIGNATURE: [0.13, 0.3],
    ADULTS_VNEID_L2: [0.5, 0.77],
    ADULTS_SMARTPHONE: [0.7, 0.83],
    ADULTS_CASHLESS: [0.33, 0.55],
    ADULTS_ONLINE_PUBLIC_SERVICE: [0.25, 0.46],
    ADULTS_BANK_ACCOUNT: [0.62, 0.78],
    PEOPLE_EHEALTH: [0.33, 0.66],
    HOUSEHOLDS_FIBRE: [0.62, 0.78],
    MERCHANTS_QR: [0.45, 0.78],
  },
  // The source gives 53.51% for the province; the demo months hover around it.
  dossierOnline: [0.515, 0.555],
};

const haiChauWard = (code: string, name: string, groups: number): WardSeed => ({
  code,
  name,
  kind: "Phường",
  groupKind: "Tổ dân phố",
  groups,
  membersPerTeam: [6, 8],
});

export const DEMO_PLACES: ProvinceSeed[] = [
  {
    code: "48",
    name: "Đà Nẵng",
    kind: "Thành phố",
    profile: urbanDaNang,
    districts: [
      {
        code: "492",
        name: "Hải Châu",
        kind: "Quận",
        foundingDecision: "2870/QĐ-UBND",
        foundedOn: "2021-09-15",
        // 517 teams in 13 wards after the 2023 merger with the Project 06 teams.
        wards: [
          haiChauWard("20194", "Thanh Bình", 40),
          haiChauWard("20195", "Thuận Phước", 36),
          haiChauWard("20197", "Thạch Thang", 38),
          haiChauWard("20198", "Hải Châu I", 35),
          haiChauWard("20200", "Hải Châu II", 42),
          haiChauWard("20203", "Phước Ninh", 39),
          { ...haiChauWard("20206", "Hòa Thuận Tây", 53), membersPerTeam: [6, 9], totalMembers: 385 },
          haiChauWard("20207", "Hòa Thuận Đông", 37),
          haiChauWard("20209", "Nam Dương", 41),
          haiChauWard("20212", "Bình Hiên", 38),
          haiChauWard("20215", "Bình Thuận", 40),
          haiChauWard("20218", "Hòa Cường Bắc", 39),
          haiChauWard("20221", "Hòa Cường Nam", 39),
        ],
      },
    ],
  },
  {
    code: "01",
    name: "Hà Nội",
    kind: "Thành phố",
    profile: periUrbanHaNoi,
    districts: [
      {
        code: "017",
        name: "Đông Anh",
        kind: "Huyện",
        foundingDecision: "1520/QĐ-UBND",
        foundedOn: "2022-03-10",
        wards: [
          { code: "00454", name: "Kim Chung", kind: "Xã", groupKind: "Thôn", groups: 9, membersPerTeam: [6, 9] },
          { code: "00457", name: "Uy Nỗ", kind: "Xã", groupKind: "Thôn", groups: 11, membersPerTeam: [6, 9] },
          { code: "00460", name: "Mai Lâm", kind: "Xã", groupKind: "Thôn", groups: 8, membersPerTeam: [6, 8] },
          { code: "00463", name: "Đông Anh", kind: "Thị trấn", groupKind: "Tổ dân phố", groups: 12, membersPerTeam: [6, 9] },
        ],
      },
      {
        code: "278",
        name: "Thanh Oai",
        kind: "Huyện",
        foundingDecision: "845/QĐ-UBND",
        foundedOn: "2022-05-20",
        wards: [
          {
            code: "10231",
            name: "Cự Khê",
            kind: "Xã",
            groupKind: "Thôn",
            groups: ["Thôn Mỹ", "Thôn Cự Đà", "Thôn Cự Khê", "Thôn Mậu Lương", "Thôn Nghĩa Hảo"],
            membersPerTeam: [5, 7],
            communeTeamMembers: 16,
            communeTeamName: "Tổ công nghệ số cộng đồng xã Cự Khê (thí điểm)",
          },
          { code: "10234", name: "Bích Hòa", kind: "Xã", groupKind: "Thôn", groups: 7, membersPerTeam: [5, 8] },
          { code: "10237", name: "Thanh Thùy", kind: "Xã", groupKind: "Thôn", groups: 6, membersPerTeam: [5, 8] },
        ],
      },
    ],
  },
  {
    code: "14",
    name: "Sơn La",
    kind: "Tỉnh",
    profile: mountainSonLa,
    districts: [
      {
        code: "116",
        name: "Sơn La",
        kind: "Thành phố",
        foundingDecision: "312/QĐ-UBND",
        foundedOn: "2022-04-01",
        wards: [
          {
            code: "03646",
            name: "Chiềng Xôm",
            kind: "Xã",
            groupKind: "Bản",
            groups: ["Bản Hài", "Bản Lay", "Bản Cọ", "Bản Sẳng", "Bản Hẹo", "Bản Noong La", "Bản Khoang", "Bản Náy"],
            membersPerTeam: [5, 8],
            communeTeamMembers: 6,
            communeTeamName: "Tổ công nghệ số cộng đồng xã Chiềng Xôm",
          },
          {
            code: "03652",
            name: "Chiềng Lề",
            kind: "Phường",
            groupKind: "Tổ dân phố",
            groups: 9,
            membersPerTeam: [5, 8],
            communeTeamMembers: 7,
            communeTeamName: "Tổ công nghệ số cộng đồng phường Chiềng Lề",
          },
        ],
      },
      {
        code: "125",
        name: "Mai Sơn",
        kind: "Huyện",
        foundingDecision: "1107/QĐ-UBND",
        foundedOn: "2022-06-15",
        wards: [
          { code: "03979", name: "Hát Lót", kind: "Thị trấn", groupKind: "Tiểu khu", groups: 8, membersPerTeam: [5, 8], communeTeamMembers: 6, communeTeamName: "Tổ công nghệ số cộng đồng thị trấn Hát Lót" },
          { code: "03985", name: "Chiềng Mung", kind: "Xã", groupKind: "Bản", groups: 10, membersPerTeam: [5, 7], communeTeamMembers: 6, communeTeamName: "Tổ công nghệ số cộng đồng xã Chiềng Mung" },
        ],
      },
    ],
  },
  {
    code: "30",
    name: "Hải Dương",
    kind: "Tỉnh",
    profile: deltaHaiDuong,
    districts: [
      {
        code: "288",
        name: "Hải Dương",
        kind: "Thành phố",
        foundingDecision: "656/QĐ-UBND",
        foundedOn: "2022-03-26",
        wards: [
          { code: "10507", name: "Trần Phú", kind: "Phường", groupKind: "Tổ dân phố", groups: 10, membersPerTeam: [5, 7] },
          { code: "10510", name: "Nguyễn Trãi", kind: "Phường", groupKind: "Tổ dân phố", groups: 9, membersPerTeam: [5, 7] },
          { code: "10513", name: "Quang Trung", kind: "Phường", groupKind: "Tổ dân phố", groups: 11, membersPerTeam: [5, 7] },
        ],
      },
      {
        code: "297",
        name: "Cẩm Giàng",
        kind: "Huyện",
        foundingDecision: "702/QĐ-UBND",
        foundedOn: "2022-04-12",
        wards: [
          { code: "10762", name: "Cẩm Điền", kind: "Xã", groupKind: "Thôn", groups: 7, membersPerTeam: [5, 6] },
          { code: "10765", name: "Lương Điền", kind: "Xã", groupKind: "Thôn", groups: 6, membersPerTeam: [5, 6] },
        ],
      },
    ],
  },
];

/**
 * The demo's figures run from January 2025 (before Hải Dương's two-tier reform
 * of 1 July 2025, so both maps have months to show) to its anchor: the last
 * complete month before the first start, so that a new user always opens the
 * dashboard on recent figures. The seed is deterministic for a given anchor.
 */
export const DEMO_FIRST_PERIOD = 202501;
/** The earliest anchor: a few months after the reform, whatever the clock says. */
const EARLIEST_ANCHOR = 202510;

/** The demo's last month for a start at `now`: the last complete month on Vietnam's clock. */
export function demoAnchor(now: Date = new Date()): number {
  return Math.max(EARLIEST_ANCHOR, addMonths(periodOfDate(now), -1));
}

/** One password for every demo account, documented in the README. */
export const DEMO_PASSWORD = "ChuyenDoiSo@2026";

export interface DemoUserSeed {
  username: string;
  fullName: string;
  role: "ADMIN" | "STEERING" | "WARD_OFFICIAL" | "TEAM_LEADER";
  scopeUnitCode: string | null;
  /** For team leaders: the residential group whose team they lead. */
  teamUnitCode?: string;
}

export const DEMO_USERS: DemoUserSeed[] = [
  { username: "admin", fullName: "Quản trị hệ thống", role: "ADMIN", scopeUnitCode: null },
  { username: "bcd.danang", fullName: "Ban Chỉ đạo CĐS TP Đà Nẵng", role: "STEERING", scopeUnitCode: "48" },
  { username: "bcd.haichau", fullName: "Ban Chỉ đạo CĐS quận Hải Châu", role: "STEERING", scopeUnitCode: "492" },
  { username: "bcd.sonla", fullName: "Ban Chỉ đạo CĐS tỉnh Sơn La", role: "STEERING", scopeUnitCode: "14" },
  { username: "canbo.hoathuantay", fullName: "Nguyễn Thị Thu Hà", role: "WARD_OFFICIAL", scopeUnitCode: "20206" },
  { username: "canbo.thanhbinh", fullName: "Trần Văn Minh", role: "WARD_OFFICIAL", scopeUnitCode: "20194" },
  { username: "canbo.cukhe", fullName: "Lê Thị Huyền", role: "WARD_OFFICIAL", scopeUnitCode: "10231" },
  { username: "totruong.htt01", fullName: "Phạm Văn Dũng", role: "TEAM_LEADER", scopeUnitCode: "20206-01", teamUnitCode: "20206-01" },
];
