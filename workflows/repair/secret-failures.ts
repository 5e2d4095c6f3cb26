// The named failures of a pending secret that cannot be used, shared by the pairing activities
// (which throw them, non-retryable) and the repair workflow (which asks the person to submit again).
export const SECRET_FAILURE_TYPES = {
  /** Already used, or not this repair's: kept under its first name for histories that carry it. */
  missing: 'SecretUnavailable',
  expired: 'SecretExpired',
  unreadable: 'SecretUnreadable',
} as const;

export const SECRET_FAILURE_TYPE_NAMES: string[] = Object.values(SECRET_FAILURE_TYPES);
