/** Stable error codes returned in `{"error":{"code": ...}}`. Clients map them to texts. */
export const ERROR_CODES = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  INVALID_TEXT: 400,
  WEAK_PASSWORD: 400,
  INVALID_MFA_CODE: 400,
  INVALID_CURSOR: 400,
  MFA_NOT_PENDING: 400,
  PASSKEY_INVALID: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 401,
  FORBIDDEN: 403,
  SELF_ADD_TO_TEAM: 403,
  ORIGIN_MISMATCH: 403,
  PASSKEY_REQUIRED: 403,
  REAUTHENTICATION_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PERIOD_OPEN: 409,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  NO_SHARING_BASIS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  /** A document (PDF, DOCX, XLSX) needed more memory or time than one render may take (LYKT_RENDER_MEMORY_MB, LYKT_RENDER_TIMEOUT_SECONDS). */
  RENDER_LIMIT: 503,
  /** The document renderer stopped before the document was made (its worker thread ended); the next document gets a new one. */
  RENDER_FAILED: 503,
  /** Too many documents are waiting for a renderer in this process (LYKT_RENDER_QUEUE); the next one is refused at once. */
  RENDER_BUSY: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
