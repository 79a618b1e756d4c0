/**
 * The choices and counts of an activity record, without the rules: the form in
 * the browser needs the lists, and importing them from activity.ts would send
 * zod to the phone with them.
 */
export const ACTIVITY_KINDS = ["HOME_VISITS", "CAMPAIGN_DAY", "ONE_STOP_DUTY", "TRAINING", "COMMUNITY_MEETING", "OTHER"] as const;

/** Residents helped, per service, then the other counts; the keys are the form's field names and the table's columns. */
export const HELPED_FIELDS = ["helpedVneid", "helpedSignature", "helpedOnlineFiling", "helpedCashless", "helpedBankAccount", "helpedHealthBook", "helpedOther"] as const;
export const COUNT_FIELDS = [...HELPED_FIELDS, "procedures", "appsInstalled"] as const;

/** A count field's column, in the activity table and in the import's file: helpedVneid → helped_vneid. */
export const columnNameOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A count is a whole number from 0 to this: more residents than a team meets in a day is a typing slip. */
export const MAX_COUNT = 10_000;

/** The data element each count of a record adds to (the activity_figures migration unpivots the same columns), besides ACTIVITIES and TRAINING_ATTENDEES. */
export const ELEMENT_OF_COUNT: Record<(typeof COUNT_FIELDS)[number], string> = {
  helpedVneid: "HELPED_VNEID",
  helpedSignature: "HELPED_SIGNATURE",
  helpedOnlineFiling: "HELPED_ONLINE_FILING",
  helpedCashless: "HELPED_CASHLESS",
  helpedBankAccount: "HELPED_BANK_ACCOUNT",
  helpedHealthBook: "HELPED_HEALTH_BOOK",
  helpedOther: "HELPED_OTHER",
  procedures: "PROCEDURES_SUPPORTED",
  appsInstalled: "APPS_INSTALLED",
};
