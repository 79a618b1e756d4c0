/** Failures a use case reports on purpose; routes map the code to an HTTP status and show the message. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHORIZED" | "INVALID_INPUT" | "CONFLICT";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  INVALID_INPUT: 400,
  CONFLICT: 409,
};
