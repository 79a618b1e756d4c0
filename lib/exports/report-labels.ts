/** Vietnamese labels for the exported files, read from the interface's own catalogue so the two never differ. */
import vi from "../i18n/messages/vi.json";
import type { TargetState } from "../dashboard/indicator-figures";
import type { ProjectionState } from "../dashboard/projection";

export const stateLabel = (state: TargetState): string => vi.dashboard.states[state];
export const projectionLabel = (state: ProjectionState): string => vi.dashboard.projection.states[state];
/** What an indicator's numerator counts ("người", "hồ sơ", "hộ"…), for "cần thêm 310 người mỗi tháng". */
export const countedLabel = (indicatorCode: string): string => (vi.dashboard.projection.nouns as Record<string, string>)[indicatorCode] ?? "";
export const levelLabel = (level: string): string => (vi.levels as Record<string, string>)[level] ?? level;
export const roleLabel = (role: string): string => (vi.memberRoles as Record<string, string>)[role] ?? role;
export const affiliationLabel = (affiliation: string): string => (vi.affiliations as Record<string, string>)[affiliation] ?? affiliation;
export const genderLabel = (gender: string | null): string => (gender ? ((vi.teams.genders as Record<string, string>)[gender] ?? gender) : "");
export const monthLabel = (period: number): string => `${String(period % 100).padStart(2, "0")}/${Math.floor(period / 100)}`;
export const dateLabel = (date: Date | null): string => (date ? date.toISOString().slice(0, 10).split("-").reverse().join("/") : "");

/** The columns of the summary table, in every format. */
export const SUMMARY_COLUMNS = ["Đơn vị", "Mã đơn vị", "Cấp", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ", "Mức chỉ tiêu", "Chỉ tiêu của", "Chênh lệch (điểm %)", "Đánh giá", "Dự kiến đến hạn", "Hạn", "Cần thêm mỗi tháng", "Tình hình đến hạn"] as const;
export const MEMBER_COLUMNS_VI = ["Mã tổ", "Tên tổ", "Địa bàn", "Họ và tên", "Vai trò", "Thành phần", "Năm sinh", "Giới tính", "Điện thoại", "Ngày tập huấn"] as const;
