/**
 * No declared types: a subscription holds no personal data (a URL, event types, its
 * owner), and only its owner reaches it (every root field finds it by the caller's own
 * jurisdiction and organisation, domain/subscriptions.ts), so its fields are open
 * (permissions.ts). Deliveries carry ids and types only.
 */
export const partnerAccess = [];
